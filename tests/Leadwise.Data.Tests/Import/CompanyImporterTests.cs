using Leadwise.Core.Companies;
using Leadwise.Data.Export;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Postgres;
using static Leadwise.Data.Tests.Support.ScoringDataFiles;

namespace Leadwise.Data.Tests.Import;

public abstract class CompanyImporterTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;

    private protected CompanyImporterTests(StoreBackend backend) => _backend = backend;

    private const string Companies = "companies.csv";

    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Import_ValidFile_StoresCompaniesWithLowerCaseDomains()
    {
        // Given
        var path = Write(_store, Companies,
            CompaniesHeader,
            "Acme GmbH,ACME.de,Software,250,B2B,Germany",
            "\"Müller & Söhne, KG\",,,,,");

        // When
        var report = await _store.ImportCompaniesAsync(path);

        // Then
        report.AssertSucceeded();
        Assert.Equal(
            [
                new CompanyProfile { Name = "Acme GmbH", Domain = "acme.de", Industry = "Software", Employees = 250, TargetMarket = "B2B", Country = "Germany" },
                new CompanyProfile { Name = "Müller & Söhne, KG" },
            ],
            await _store.CompaniesAsync());
    }

    [SkippableFact]
    public async Task Import_CompanyAlreadyStoredUnderAnotherSpelling_ReplacesIt()
    {
        // Given
        (await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader, "Acme GmbH,acme.de,Software,250,B2B,Germany"))).AssertSucceeded();

        // When
        var report = await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader, "ACME  GMBH,acme.de,Robotics,300,,Austria"));

        // Then
        report.AssertSucceeded();
        var company = Assert.Single(await _store.CompaniesAsync());
        Assert.Equal(new CompanyProfile { Name = "ACME  GMBH", Domain = "acme.de", Industry = "Robotics", Employees = 300, Country = "Austria" }, company);
    }

    [SkippableFact]
    public async Task Import_EmployeesNotANumber_IsAnErrorAtItsLineAndColumn()
    {
        // Given
        var path = Write(_store, Companies, CompaniesHeader, "Acme GmbH,acme.de,Software,250,B2B,Germany", "Beta AG,beta.ch,Retail,about 40,B2C,Switzerland");

        // When
        var report = await _store.ImportCompaniesAsync(path);

        // Then
        var error = report.SingleError();
        error.AssertAt(Companies, 3, 24, "employees");
        Assert.Equal("expected a whole number, got \"about 40\"", error.Message);
        Assert.False(report.Committed);
        Assert.Empty(await _store.CompaniesAsync());
    }

    [SkippableFact]
    public async Task Import_NegativeEmployees_IsAnError()
    {
        // When
        var report = await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader, "Beta AG,beta.ch,Retail,-4,B2C,Switzerland"));

        // Then
        report.SingleError().AssertAt(Companies, 2, 24, "employees");
    }

    [SkippableFact]
    public async Task Import_DomainThatIsAUrl_IsAnError()
    {
        // When
        var report = await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader, "Beta AG,https://beta.ch/,Retail,4,B2C,Switzerland"));

        // Then
        report.SingleError().AssertAt(Companies, 2, 9, "domain");
    }

    [SkippableFact]
    public async Task Import_TwoRowsWithTheSameNormalisedName_IsAnErrorNamingTheEarlierLine()
    {
        // Given
        var path = Write(_store, Companies, CompaniesHeader, "Acme GmbH,acme.de,,,,", "Beta AG,beta.ch,,,,", "acme  gmbh,acme.com,,,,");

        // When
        var report = await _store.ImportCompaniesAsync(path);

        // Then
        var error = report.SingleError();
        error.AssertAt(Companies, 4, 1, "name");
        Assert.Equal("duplicate company \"acme  gmbh\" (key \"acme gmbh\"): line 2 has it already", error.Message);
    }

    [SkippableFact]
    public async Task Import_MissingName_IsAnError()
    {
        // When
        var report = await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader, ",acme.de,,,,"));

        // Then
        report.SingleError().AssertAt(Companies, 2, 1, "name");
    }

    [SkippableFact]
    public async Task Import_UnknownColumn_IsIgnoredWithAWarning()
    {
        // When
        var report = await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader + ",revenue", "Acme GmbH,acme.de,,,,,12M"));

        // Then
        report.AssertSucceeded();
        var warning = report.SingleWarning();
        warning.AssertAt(Companies, 1, 53, "revenue");
        Assert.Contains("ignored", warning.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportWriteImport_GivesTheSameCompanies()
    {
        // Given
        (await _store.ImportCompaniesAsync(Write(_store, Companies, CompaniesHeader,
            "Acme GmbH,acme.de,Software,250,B2B,Germany",
            "\"Müller & Söhne, KG\",,\"Tools \"\"and\"\" more\",,,"))).AssertSucceeded();
        var folder = _store.Folder("written");

        // When
        var written = await new OutreachExportWriter(folder).WriteCompaniesAsync(_store.Store.ReadCompaniesAsync(CancellationToken.None), CancellationToken.None);
        await using var other = await TestStore.CreateAsync(_backend);
        var report = await other.ImportCompaniesAsync(Path.Combine(folder, Companies));

        // Then
        Assert.Equal(2, written);
        report.AssertSucceeded();
        Assert.Equal(await _store.CompaniesAsync(), await other.CompaniesAsync());
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteCompanyImporterTests() : CompanyImporterTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCompanyImporterTests(PostgresServerFixture server) : CompanyImporterTests(StoreBackend.Postgres(server));
