using System.Globalization;

namespace Leadwise.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Train_ComparesTheModelsWithTheBaseRateAndThePointRules_AndDryRunSavesNothing()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "4000", "--seed", "3", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);

        var run = await CliRun.RunAsync("train", "--db", database, "--folds", "3", "--dry-run", "--time-split");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var row in new[] { "base rate", "point rules", "LightGbm", "FastTree", "LogisticRegression", "calibrated (" })
        {
            Assert.Contains(row, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("(chosen)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"LightGbm.*│ \d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\) │ \d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\) │", run.Output);
        Assert.Contains("nothing was saved", run.Output, StringComparison.Ordinal);
        foreach (var group in new[] { "title words", "campaign owner", "point subtotals" })
        {
            Assert.Matches($@"Optional features, {group}: held-out AUC \d\.\d{{4}} without, \d\.\d{{4}} with \([+-]\d\.\d{{4}}(, 95% [+-]\d\.\d{{4}} to [+-]\d\.\d{{4}})?\) → (used|left out)", run.Output);
        }

        Assert.Matches(@"Sequence model held-out ROC AUC: reply hazard \d\.\d{3} \(\w+\)", run.Output);
        Assert.Matches(@"message\s+text:\s+not\s+read", run.Output);
        Assert.Matches(@"Time split: trained on [0-9,]+ leads invited until \d{4}-\d\d-\d\d, measured on [0-9,]+ invited from", run.Output);
        Assert.Contains("No models yet", (await CliRun.RunAsync("models", "list", "--db", database)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_WithBadGradeBands_ExitsOne_BeforeTraining()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        await CliRun.RunAsync("generate", "--leads", "300", "--seed", "3", "--out", export);
        await CliRun.RunAsync("import", export, "--db", database);

        var run = await CliRun.RunAsync("train", "--db", database, "--grade-bands", "0.1,0.2,0.3");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--grade-bands: Grade bands must be", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_OnTooFewConversions_ExitsOne_WithTheCounts()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        await CliRun.RunAsync("generate", "--leads", "300", "--seed", "3", "--out", export);
        await CliRun.RunAsync("import", export, "--db", database);

        var run = await CliRun.RunAsync("train", "--db", database);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"at least 40 converted"), run.Output, StringComparison.Ordinal);
    }
}
