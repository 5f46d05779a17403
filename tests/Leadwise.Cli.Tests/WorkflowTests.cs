using System.Globalization;
using Leadwise.Data.Sqlite;

namespace Leadwise.Cli.Tests;

/// <summary>The commands together on generated data: generate → import → status → export → import.</summary>
public sealed class WorkflowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Generate_Import_Export_Import_GivesTheSameStore()
    {
        // Given
        var export = _folder.Combine("export");
        var first = _folder.Combine("first.db");
        var second = _folder.Combine("second.db");
        var roundTrip = _folder.Combine("round-trip");

        // When
        var generate = await CliRun.RunAsync("generate", "--leads", "400", "--seed", "3", "--out", export);
        var import = await CliRun.RunAsync("import", export, "--db", first);
        var exported = await CliRun.RunAsync("export", roundTrip, "--db", first);
        var reimport = await CliRun.RunAsync("import", roundTrip, "--db", second);

        // Then
        Assert.Equal(ExitCodes.Success, generate.ExitCode);
        Assert.True(File.Exists(Path.Combine(export, "truth", "leads.csv")));
        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Contains("Import committed.", import.Output, StringComparison.Ordinal);
        Assert.Matches(@"Leads\.csv\s+│\s+400\s+│\s+400\s+│\s+0", import.Output);
        Assert.Equal(ExitCodes.Success, exported.ExitCode);
        Assert.Equal(ExitCodes.Success, reimport.ExitCode);

        await using var a = await SqliteLeadwiseStore.OpenAsync(first, CancellationToken.None);
        await using var b = await SqliteLeadwiseStore.OpenAsync(second, CancellationToken.None);
        Assert.Equal(await a.CountAsync(CancellationToken.None), await b.CountAsync(CancellationToken.None));
        Assert.Equal(await a.ReadLeadsAsync(CancellationToken.None).ToListAsync(), await b.ReadLeadsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(await a.ReadMessagesAsync(CancellationToken.None).ToListAsync(), await b.ReadMessagesAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Import_WithABadValue_ExitsOne_NamesFileLineAndColumn_AndChangesNothing()
    {
        // Given a generated export with one extra lead whose "replied" is "yes"
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        var rejects = _folder.Combine("rejects.csv");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "200", "--out", export)).ExitCode);
        var (line, column) = AppendLead(export, new Dictionary<string, string> { ["id"] = "987654321987", ["replied"] = "yes" }, "replied");

        // When
        var run = await CliRun.RunAsync("import", export, "--db", database, "--rejects", rejects);

        // Then
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Leads.csv:{line}:{column}: column \"replied\": expected t or f, got \"yes\""), run.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: the store is unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Contains("987654321987", await File.ReadAllTextAsync(rejects), StringComparison.Ordinal);
        await using var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None);
        Assert.Equal(0, (await store.CountAsync(CancellationToken.None)).Leads);
    }

    [Fact]
    public async Task Import_WithSkipBadRows_KeepsTheGoodRows_AndStillExitsOne()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "200", "--out", export)).ExitCode);
        AppendLead(export, new Dictionary<string, string> { ["id"] = "987654321987", ["inviteSentAt"] = "yesterday" }, "inviteSentAt");

        var run = await CliRun.RunAsync("import", export, "--db", database, "--skip-bad-rows", "--rejects", _folder.Combine("rejects.csv"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("without the rejected rows", run.Output, StringComparison.Ordinal);
        await using var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None);
        Assert.Equal(200, (await store.CountAsync(CancellationToken.None)).Leads);
    }

    [Fact]
    public async Task Status_ReadsTheStoreNamedByTheEnvironment_AndShowsTheFunnel()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("from-env.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "300", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["LEADWISE_DB"] = database }, "status");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(database, run.Output, StringComparison.Ordinal);
        Assert.Contains("Outreach funnel", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Leads\s+│\s+300", run.Output);
    }

    [Fact]
    public async Task Quickstart_GeneratesImportsAndSummarises()
    {
        var directory = _folder.Combine("quickstart");

        var run = await CliRun.RunAsync("quickstart", "--leads", "500", "--seed", "1", "--dir", directory);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(directory, "export", "Leads.csv")));
        Assert.True(File.Exists(Path.Combine(directory, "leadwise.db")));
        Assert.Contains("Import committed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Outreach funnel", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Leads\s+│\s+500", run.Output);
        Assert.Contains("Skipped:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Generate more leads (--leads) to train a model.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quickstart_WithEnoughLeads_TrainsPromotesAndScoresWithTheModel()
    {
        var directory = _folder.Combine("quickstart");

        var run = await CliRun.RunAsync("quickstart", "--leads", "3000", "--seed", "2", "--dir", directory);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Promoted version 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Model grades of 3,000 leads", run.Output, StringComparison.Ordinal);
        Assert.Contains("Sequence model held-out ROC AUC", run.Output, StringComparison.Ordinal);
        Assert.Contains("leadwise recommend ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Not yet invited, most likely to convert (model version 1)", run.Output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"));
        Assert.Contains("<h1>Conversion model, version 1</h1>", html, StringComparison.Ordinal);

        // The report judges the recommendations too, with the generated truth quickstart has at hand.
        Assert.Contains("<h2>Which message to send</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>True value on held-out leads (ground truth of the generated data)</caption>", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">Leadwise per lead <strong>\(recommended\)</strong></th>", html);
    }

    [Fact]
    public async Task Generate_IsDeterministicForASeed()
    {
        var a = _folder.Combine("a");
        var b = _folder.Combine("b");

        await CliRun.RunAsync("generate", "--leads", "250", "--seed", "9", "--out", a);
        await CliRun.RunAsync("generate", "--leads", "250", "--seed", "9", "--out", b);

        foreach (var file in new[] { "Users.csv", "Campaigns.csv", "Messages.csv", "Leads.csv", "Records.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, file)), await File.ReadAllBytesAsync(Path.Combine(b, file)));
        }
    }

    /// <summary>
    /// Appends a lead in an existing campaign with the given values, and returns the physical line it
    /// lands on and the character column where <paramref name="columnOfInterest"/> starts.
    /// </summary>
    private static (int Line, int Column) AppendLead(string export, IReadOnlyDictionary<string, string> values, string columnOfInterest)
    {
        var campaignsHeader = File.ReadLines(Path.Combine(export, "Campaigns.csv")).First().Split(',');
        var campaign = File.ReadLines(Path.Combine(export, "Campaigns.csv")).Skip(1).First().Split(',');
        var campaignId = campaign[Array.IndexOf(campaignsHeader, "id")];

        var leadsPath = Path.Combine(export, "Leads.csv");
        var header = File.ReadLines(leadsPath).First().Split(',');
        var fields = header.Select(name => name switch
        {
            _ when values.TryGetValue(name, out var value) => value,
            "campaignId" => campaignId,
            _ => string.Empty,
        }).ToArray();
        var column = 1 + fields.Take(Array.IndexOf(header, columnOfInterest)).Sum(field => field.Length + 1);
        var text = File.ReadAllText(leadsPath);
        var line = text.Count(c => c == '\n') + 1;
        File.AppendAllText(leadsPath, string.Join(',', fields) + "\n");
        return (line, column);
    }
}
