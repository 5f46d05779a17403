using System.Globalization;
using System.Text;
using Leadwise.Learning.Tables;

namespace Leadwise.Learning.Tests.Tables;

public sealed class LeakageGuardTests
{
    private static DelimitedTable WithColumn(DelimitedTable table, string name, string[] cells) =>
        new(table.Source, table.Delimiter, [.. table.Names, name], [.. Enumerable.Range(0, table.ColumnCount).Select(i => table.Column(i).ToArray()), cells]);

    private static string Describe(IEnumerable<LeakageFinding> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.Column}:{f.Auc:F3}:{f.Verdict} ");
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("LeadStatus", "status")]
    [InlineData("lead_status", "status")]
    [InlineData("Deal Stage", "stage")]
    [InlineData("Tags", "tag")]
    [InlineData("HTTPStatus2", "status")]
    [InlineData("closedAt", "closed")]
    [InlineData("is_won", "won")]
    [InlineData("call duration", "duration")]
    [InlineData("poutcome", null)]
    [InlineData("wonder", null)]
    [InlineData("statuses_count", null)]
    [InlineData("age", null)]
    public void SuspiciousWord_IsFoundAsAWholeWord(string name, string? expected)
    {
        Assert.Equal(expected, ColumnNameWords.FindSuspicious(name, LeakageOptions.DefaultSuspiciousWords));
    }

    [Fact]
    public void Check_SmallTable_ScoresNumbersAndCategories()
    {
        // Given: "signal" ranks the label perfectly in reverse, "colour" is noise
        var rows = Enumerable.Range(0, 100).ToArray();
        var table = new DelimitedTable("t.csv", ',', ["signal", "colour", "Lead Status", "y"],
        [
            [.. rows.Select(i => ((i % 2 == 0 ? -i : i) * 1.5).ToString(CultureInfo.InvariantCulture))],
            [.. rows.Select(i => (i % 3) switch { 0 => "red", 1 => "green", _ => "blue" })],
            [.. rows.Select(i => (i % 3) switch { 0 => "open", 1 => "new", _ => "done" })],
            [.. rows.Select(i => i % 2 == 0 ? "no" : "yes")],
        ]);

        // When
        var findings = LeakageGuard.Check(table, "y");

        // Then
        Assert.Equal(["signal", "colour", "Lead Status"], findings.Select(f => f.Column));
        Assert.Equal(1.0, findings[0].Auc, 6);
        Assert.Equal(LeakageVerdict.Leaky, findings[0].Verdict);
        Assert.InRange(findings[1].Auc, 0.3, 0.7);
        Assert.Equal(LeakageVerdict.Clean, findings[1].Verdict);
        Assert.Equal("status", findings[2].SuspiciousWord);
        Assert.Equal(LeakageVerdict.Leaky, findings[2].Verdict);
    }

    [Fact]
    public void Check_LabelWithoutBooleanValues_NeedsAPositiveValue()
    {
        var table = new DelimitedTable("t.csv", ',', ["x", "y"], [["1", "2", "3"], ["a", "b", "a"]]);

        var error = Assert.Throws<ArgumentException>(() => LeakageGuard.Check(table, "y"));
        Assert.Contains("positive", error.Message, StringComparison.Ordinal);

        Assert.Single(LeakageGuard.Check(table, "y", positive: "a", new LeakageOptions { Folds = 2 }));
    }

    [Fact]
    public void Check_Threshold_IsConfigurable()
    {
        var rows = Enumerable.Range(0, 200).ToArray();
        var table = new DelimitedTable("t.csv", ',', ["x", "y"],
        [
            [.. rows.Select(i => ((i % 2) + ((i % 5) * 0.3)).ToString(CultureInfo.InvariantCulture))],
            [.. rows.Select(i => i % 2 == 0 ? "no" : "yes")],
        ]);

        var strict = LeakageGuard.Check(table, "y", options: new LeakageOptions { AucThreshold = 0.5 })[0];
        var lax = LeakageGuard.Check(table, "y", options: new LeakageOptions { AucThreshold = 0.999 })[0];

        Assert.Equal(LeakageVerdict.Leaky, strict.Verdict);
        Assert.Equal(strict.Auc <= 0.999 ? LeakageVerdict.Clean : LeakageVerdict.Leaky, lax.Verdict);
    }

    [Fact]
    public async Task Check_BankMarketing_FlagsDurationByName_AndNothingElseByAuc()
    {
        // Given
        var table = await BankMarketing.ReadAsync();

        // When
        var findings = LeakageGuard.Check(table, "y", "yes").ToDictionary(f => f.Column, StringComparer.Ordinal);

        // Then
        var all = Describe(findings.Values);
        var duration = findings["duration"];
        Assert.Equal("duration", duration.SuspiciousWord);
        Assert.Equal(LeakageVerdict.Leaky, duration.Verdict);
        Assert.InRange(duration.Auc, 0.75, 0.9);
        Assert.All(findings.Values, f => Assert.False(f.Auc > 0.9, all));
        Assert.Equal(["duration"], findings.Values.Where(f => f.Verdict == LeakageVerdict.Leaky).Select(f => f.Column));
        Assert.DoesNotContain("y", findings.Keys);
    }

    [Fact]
    public async Task Check_BankMarketing_CatchesAPlantedCopyOfTheLabel()
    {
        // Given: the label copied under an innocent name
        var table = await BankMarketing.ReadAsync();
        var planted = WithColumn(table, "engagement_level", [.. table.Column("y")]);

        // When
        var finding = LeakageGuard.Check(planted, "y", "yes").Single(f => f.Column == "engagement_level");

        // Then
        Assert.Null(finding.SuspiciousWord);
        Assert.Equal(1.0, finding.Auc, 9);
        Assert.Equal(LeakageVerdict.Leaky, finding.Verdict);
    }

    [Fact]
    public async Task Check_BankMarketing_IsIdenticalOnTwoRuns()
    {
        var table = await BankMarketing.ReadAsync();

        var first = LeakageGuard.Check(table, "y");
        var second = LeakageGuard.Check(table, ColumnRoleInference.Profile(table, "y"), "y");

        Assert.Equal(first, second);
    }
}
