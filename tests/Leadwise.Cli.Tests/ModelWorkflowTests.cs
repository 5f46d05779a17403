using Leadwise.Core.Models;
using Leadwise.Data.Sqlite;

namespace Leadwise.Cli.Tests;

/// <summary>
/// The model lifecycle through the CLI on one generated store: train saves and promotes, a second version
/// waits, promote and rollback switch, score stores model scores for every lead, explain and drift use the
/// promoted version.
/// </summary>
public sealed class ModelWorkflowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TrainPromoteRollbackScoreExplainDrift()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "4000", "--seed", "5", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);

        // The first version is promoted; a second one waits until promoted.
        var first = await CliRun.RunAsync("train", "--db", database, "--folds", "3");
        var second = await CliRun.RunAsync("train", "--db", database, "--folds", "3", "--seed", "1", "--grade-bands", "0.2,0.1,0.05");
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.Contains("Saved as model version 1", first.Output, StringComparison.Ordinal);
        Assert.Contains("Promoted version 1", first.Output, StringComparison.Ordinal);
        // Each train also saves a sequence (hazard) model version: 2 after the first, 4 after the second.
        Assert.Contains("Saved the sequence model as version 2 and promoted it", first.Output, StringComparison.Ordinal);
        Assert.Contains("Saved as model version 3", second.Output, StringComparison.Ordinal);
        Assert.Contains("sequence model version 2 stays promoted", second.Output, StringComparison.Ordinal);
        Assert.Contains("Version 1 stays promoted", second.Output, StringComparison.Ordinal);
        Assert.Contains("A ≥ 20.0 %", second.Output, StringComparison.Ordinal);

        var list = await CliRun.RunAsync("models", "list", "--db", database);
        Assert.Matches(@"│ 1 .*promoted", list.Output);
        Assert.DoesNotMatch(@"│ 3 .*promoted", list.Output);
        // Sequence models have their own table: 2 promoted, 4 waiting.
        Assert.Contains("Sequence (hazard) models", list.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ 2 .*promoted", list.Output);
        Assert.Matches(@"│ 4 ", list.Output);
        Assert.DoesNotMatch(@"│ 4 .*promoted", list.Output);
        var showSequence = await CliRun.RunAsync("models", "show", "2", "--db", database);
        Assert.Equal(ExitCodes.Success, showSequence.ExitCode);
        Assert.Contains("2 (sequence model), promoted", showSequence.Output, StringComparison.Ordinal);
        Assert.Matches(@"reply hazard +\d[\d,]* rows, \d[\d,]* positive; chosen \w+", showSequence.Output);
        var promoteSequence = await CliRun.RunAsync("models", "promote", "4", "--db", database);
        Assert.Contains("Promoted sequence model version 4", promoteSequence.Output, StringComparison.Ordinal);
        var rollbackSequence = await CliRun.RunAsync("models", "rollback", "--kind", "hazard", "--db", database);
        Assert.Contains("Rolled the sequence model back from version 4 to version 2", rollbackSequence.Output, StringComparison.Ordinal);
        var show = await CliRun.RunAsync("models", "show", "3", "--db", database);
        Assert.Contains("seed 1", show.Output, StringComparison.Ordinal);
        Assert.Contains("A ≥ 20.0 %, B ≥ 10.0 %, C ≥ 5.0 %", show.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, (await CliRun.RunAsync("models", "show", "9", "--db", database)).ExitCode);

        // promote 3, roll back to 1, and a second rollback has nowhere to go.
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("models", "promote", "3", "--db", database)).ExitCode);
        var rollback = await CliRun.RunAsync("models", "rollback", "--db", database);
        Assert.Contains("Rolled back from version 3 to version 1", rollback.Output, StringComparison.Ordinal);
        var nowhere = await CliRun.RunAsync("models", "rollback", "--db", database);
        Assert.Equal(ExitCodes.BadInput, nowhere.ExitCode);
        Assert.Contains("nothing to roll back to", nowhere.Output, StringComparison.Ordinal);
        var unknown = await CliRun.RunAsync("models", "promote", "7", "--db", database);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("no conversion model version 7", unknown.Output, StringComparison.Ordinal);

        // score stores a model score for every lead, from the promoted version.
        var score = await CliRun.RunAsync("score", "--db", database, "--as-of", "2024-06-30");
        Assert.Equal(ExitCodes.Success, score.ExitCode);
        Assert.Contains("Model grades of 4,000 leads", score.Output, StringComparison.Ordinal);
        var modelScores = new List<ModelScore>();
        await using (var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None))
        {
            await foreach (var stored in store.ReadModelScoresAsync(CancellationToken.None))
            {
                modelScores.Add(stored);
            }
        }

        Assert.Equal(4000, modelScores.Count);
        Assert.All(modelScores, s => Assert.Equal(1, s.ModelVersion));
        Assert.All(modelScores, s => Assert.InRange(s.Probability, 0, 1));
        Assert.Equal(["A", "B", "C", "D"], modelScores.Select(s => s.Grade).Distinct().Order());

        // explain shows the model's probability for the lead and its reasons.
        var lead = modelScores.MaxBy(s => s.Probability)!;
        var explain = await CliRun.RunAsync("explain", lead.LeadId.ToString(), "--db", database, "--as-of", "2024-06-30");
        Assert.Equal(ExitCodes.Success, explain.ExitCode);
        Assert.Contains(FormattableString.Invariant($"Conversion model (version 1): {lead.Probability:P1}"), explain.Output, StringComparison.Ordinal);
        Assert.Contains("Model reasons", explain.Output, StringComparison.Ordinal);
        Assert.Contains("pts", explain.Output, StringComparison.Ordinal);
        Assert.Contains("ML.NET contribution", explain.Output, StringComparison.Ordinal);
        Assert.Matches(@"[+-]\d\.\d{3} +│", explain.Output);

        var reportFile = _folder.Combine("reports/model.html");
        var report = await CliRun.RunAsync("report", "--db", database, "--out", reportFile);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
        var html = await File.ReadAllTextAsync(reportFile);
        Assert.Contains("Conversion model, version 1", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("seniority", html, StringComparison.Ordinal); // importance and insights name it
        Assert.DoesNotMatch(@"(src|href)=""https?://", html);
        Assert.False(File.Exists(reportFile + ".tmp"));
        var older = await CliRun.RunAsync("report", "--db", database, "--out", reportFile, "--version", "3");
        Assert.Contains("Conversion model, version 3", await File.ReadAllTextAsync(reportFile), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, older.ExitCode);

        var drift = await CliRun.RunAsync("drift", "--db", database, "--all-leads", "--as-of", "2024-06-30");
        Assert.Equal(ExitCodes.Success, drift.ExitCode);
        Assert.Contains("predicted probability", drift.Output, StringComparison.Ordinal);
        Assert.Contains("seniority", drift.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriftAndReport_WithoutAPromotedModel_ExitOne_AndSayToTrain()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        await CliRun.RunAsync("generate", "--leads", "200", "--seed", "5", "--out", export);
        await CliRun.RunAsync("import", export, "--db", database);

        var run = await CliRun.RunAsync("drift", "--db", database);
        var report = await CliRun.RunAsync("report", "--db", database, "--out", _folder.Combine("r.html"));

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (run.ExitCode, report.ExitCode));
        Assert.Contains("run `leadwise train` first", run.Output, StringComparison.Ordinal);
        Assert.Contains("run `leadwise train` first", report.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.Combine("r.html")));
        var serve = await CliRun.RunAsync("serve", "--db", _folder.Combine("missing.db"));
        Assert.Equal(ExitCodes.BadInput, serve.ExitCode);
        Assert.Contains("There is no store at", serve.Output, StringComparison.Ordinal);
    }
}
