using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Leadwise.Cli.Tests;

public sealed partial class TrainTableCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A lead table with a real signal (score, region), a creation time in row order, optionally a planted leak (the
    /// label with 3% flipped, under an innocent name) and optionally an empty column.
    /// </summary>
    private string WriteLeads(int n, bool plantLeak = false, bool emptyColumn = false, string positive = "won", string negative = "lost")
    {
        var random = new Random(5);
        var text = new StringBuilder("score;region;created" + (plantLeak ? ";engagement_level" : string.Empty) + (emptyColumn ? ";notes" : string.Empty) + ";result\n");
        for (var i = 0; i < n; i++)
        {
            var x = random.NextDouble();
            var r = random.Next(3);
            var y = random.NextDouble() < 1 / (1 + Math.Exp(-((3 * x) + (r == 2 ? 1 : 0) - 3)));
            var flip = random.NextDouble() < 0.03;
            text.Append(CultureInfo.InvariantCulture, $"{x:F4};{(r == 0 ? "north" : r == 1 ? "south" : "east")};{new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i):yyyy-MM-dd HH:mm}");
            text.Append(plantLeak ? (y ^ flip ? ";high" : ";low") : string.Empty);
            text.Append(emptyColumn ? ";N/A" : string.Empty);
            text.Append(';').Append(y ? positive : negative).Append('\n');
        }

        var path = _folder.Combine("leads.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task Train_BankMarketingWithoutDuration_FlagsNothing_ReportsAPlausibleAuc_AndWritesTheFolds()
    {
        // Given
        var folds = _folder.Combine("folds.csv");

        // When
        var run = await CliRun.RunAsync("train", "--csv", BankMarketingFile.Path, "--label", "y", "--drop", "duration", "--trainer", "lightgbm", "--write-folds", folds);

        // Then
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("delimiter ';'", run.Output, StringComparison.Ordinal);
        Assert.Contains("Leakage guard: no column reaches AUC 0.90", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Possible leakage", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"duration\s*│ Numeric\s*│ dropped\s*│ dropped as asked \(--drop\)", run.Output);
        Assert.Matches(@"pdays\s*│ Numeric\s*│ kept\s*│ numeric; 999 in 96\.3% of rows", run.Output);
        Assert.Contains("base rate", run.Output, StringComparison.Ordinal);
        var auc = double.Parse(ChosenAuc().Match(run.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(auc, 0.78, 0.81);
        Assert.Contains("F1-optimal threshold", run.Output, StringComparison.Ordinal);

        var lines = await File.ReadAllLinesAsync(folds);
        Assert.Equal("row,fold,label,probability", lines[0]);
        Assert.Equal(41189, lines.Length);
        var parsed = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(0, 41188).Select(i => i.ToString(CultureInfo.InvariantCulture)), parsed.Select(p => p[0]));
        Assert.Equal(["0", "1", "2", "3", "4"], parsed.Select(p => p[1]).Distinct().Order());
        Assert.Equal(4640, parsed.Count(p => p[2] == "1"));
    }

    [Fact]
    public async Task Train_PlantedLeak_IsReportedAndDropped_WithTheMetricsWithItShownToo()
    {
        var csv = WriteLeads(3000, plantLeak: true);

        var run = await CliRun.RunAsync("train", "--csv", csv, "--label", "result", "--trainer", "logistic");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Possible leakage", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"engagement_level\s*│\s*0\.9\d\d\s*│ alone it reaches AUC 0\.9\d\d \(> 0\.90\)\s*│ dropped \(--allow-leaky keeps it\)", run.Output);
        Assert.Matches(@"LogisticRegression WITH leaky engagement_level\s*│\s*0\.9[6-9]\d", run.Output);
        Assert.Matches(@"LogisticRegression \(chosen\)\s*│\s*0\.[78]\d\d", run.Output);
        Assert.Contains("positive = \"won\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_AllowLeaky_KeepsTheColumn_AndShowsTheHonestMetricsBeside()
    {
        var csv = WriteLeads(3000, plantLeak: true);

        var run = await CliRun.RunAsync("train", "--csv", csv, "--label", "result", "--trainer", "logistic", "--allow-leaky");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("kept (--allow-leaky)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"LogisticRegression \(chosen\)\s*│\s*0\.9[6-9]\d", run.Output);
        Assert.Matches(@"LogisticRegression WITHOUT leaky engagement_level\s*│\s*0\.[78]\d\d", run.Output);
    }

    [Fact]
    public async Task Train_TimeColumn_AddsATimeSplitBesideTheCrossValidation()
    {
        var csv = WriteLeads(2000);

        var run = await CliRun.RunAsync("train", "--csv", csv, "--label", "result", "--trainer", "logistic", "--time-column", "created", "--folds", "3");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Time split on \"created\": trained on the oldest 1,600 rows, tested on the newest 400 (from 2024-03-07 16:00)", run.Output, StringComparison.Ordinal);
        Assert.Contains("3-fold cross-validation", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_AllMissingColumn_IsDroppedWithAWarning()
    {
        var csv = WriteLeads(1500, emptyColumn: true);

        var run = await CliRun.RunAsync("train", "--csv", csv, "--label", "result", "--trainer", "logistic");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("warning: Column \"notes\" is missing (empty or a placeholder) in every row and was dropped.", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y", null, "leads.csv: no label column \"y\"; columns are score, region, created, result.")]
    [InlineData("result", "gold", "leads.csv: column \"result\": no row has the positive value \"gold\"")]
    [InlineData("notes", null, "leads.csv: column \"notes\": the label is missing (empty or a placeholder) in every row.")]
    public async Task Train_BadLabel_ExitsOne_WithOneClearLine(string label, string? positive, string expected)
    {
        var csv = WriteLeads(200, emptyColumn: label == "notes");
        string[] args = positive is null ? ["train", "--csv", csv, "--label", label] : ["train", "--csv", csv, "--label", label, "--positive", positive];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("error: " + expected, run.Output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SingleClassOrUnknownPositive_ExitsOne_ListingTheValues()
    {
        var single = await CliRun.RunAsync("train", "--csv", WriteLeads(100, positive: "won", negative: "won"), "--label", "result");
        var unknown = await CliRun.RunAsync("train", "--csv", WriteLeads(100, positive: "gold", negative: "silver"), "--label", "result");

        Assert.Equal(ExitCodes.BadInput, single.ExitCode);
        Assert.Contains("the label has a single class, \"won\" (100)", single.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("cannot tell which label value means converted among \"silver\"", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("--positive", unknown.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "--csv", "x.csv")]
    [InlineData("train", "--label", "y")]
    [InlineData("train", "--csv", "x.csv", "--label", "y", "--leak-auc", "0.3")]
    [InlineData("train", "--csv", "x.csv", "--label", "y", "--trainer", "xgboost")]
    public async Task Train_TableOptionsMisused_AreUsageErrors(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task Train_MissingFile_ExitsOne()
    {
        var run = await CliRun.RunAsync("train", "--csv", _folder.Combine("nope.csv"), "--label", "y");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("There is no file at", run.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"LightGbm \(chosen\)\s*│\s*(\d\.\d{3})")]
    private static partial Regex ChosenAuc();
}
