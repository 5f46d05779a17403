using Leadwise.Core.Companies;

namespace Leadwise.Generator.Tests;

public sealed class CompanyProfilesTests(GeneratedExportFixture fixture) : IClassFixture<GeneratedExportFixture>
{
    private static readonly string[] Placeholders = ["Test ME", "-"];

    private IReadOnlyList<CompanyProfile> Companies { get; } = fixture.Export.Companies().ToArray();

    private IEnumerable<GeneratedLead> RealCompanyLeads =>
        fixture.Leads.Where(generated => !generated.Truth.Profile.IsSpam && generated.Lead.CompanyName is { } name && !Placeholders.Contains(name));

    [Fact]
    public void One_profile_per_distinct_company_name_of_real_leads_ordered_by_name()
    {
        var expected = RealCompanyLeads.Select(generated => generated.Lead.CompanyName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Companies.Select(company => company.Name));
        Assert.DoesNotContain(Companies, company => Placeholders.Contains(company.Name));
        Assert.Contains(fixture.Leads, generated => generated.Lead.CompanyName == "Test ME");
    }

    [Fact]
    public void Domains_match_the_corporate_emails_of_their_leads()
    {
        // Given each company's leads with a corporate email
        var byName = Companies.ToDictionary(company => company.Name, StringComparer.Ordinal);
        var exact = 0;
        var total = 0;
        foreach (var generated in RealCompanyLeads.Where(generated => generated.Lead.Email?.Contains('@', StringComparison.Ordinal) == true))
        {
            var company = byName[generated.Lead.CompanyName!];
            var email = generated.Lead.Email!;
            var domain = email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
            total++;
            exact += domain == company.Domain ? 1 : 0;

            // Then the name part always agrees; only the country domain can differ (nordwind.at for a nordwind.de company)
            Assert.Equal(Stem(company.Domain!), Stem(domain));
        }

        Assert.True(exact > 0.6 * total, $"{exact} of {total} emails on the company's own domain");
        Assert.All(Companies, company => Assert.Equal(company.Domain!.ToLowerInvariant(), company.Domain));
    }

    [Fact]
    public void Firmographics_follow_the_latent_industry_and_are_heavy_tailed()
    {
        var industries = RealCompanyLeads.GroupBy(generated => generated.Lead.CompanyName!).ToDictionary(group => group.Key, group => group.Select(g => g.Truth.Profile.Industry.ToString()).Distinct().Single());
        Assert.All(Companies, company => Assert.Equal(industries[company.Name], company.Industry));
        Assert.All(Companies, company => Assert.Contains(company.TargetMarket, new[] { "B2B", "B2C", "Enterprise", "SMB" }));
        Assert.All(Companies, company => Assert.False(string.IsNullOrEmpty(company.Country)));

        var employees = Companies.Select(company => company.Employees!.Value).Order().ToArray();
        var median = employees[employees.Length / 2];
        Assert.InRange(median, 20, 400);
        Assert.True(employees[^1] > 50 * median, $"largest {employees[^1]}, median {median}");
        Assert.True(employees[0] >= 1);
    }

    [Fact]
    public void Same_seed_gives_the_same_companies()
    {
        var options = new GeneratorOptions { LeadCount = 2_000, Seed = 3 };
        Assert.Equal(new OutreachGenerator().Generate(options).Companies(), new OutreachGenerator().Generate(options).Companies());
    }

    private static string Stem(string domain) => domain[..domain.IndexOf('.', StringComparison.Ordinal)];
}
