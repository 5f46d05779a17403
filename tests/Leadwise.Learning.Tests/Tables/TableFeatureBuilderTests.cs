using System.Globalization;
using Leadwise.Learning.Tables;

namespace Leadwise.Learning.Tests.Tables;

public sealed class TableFeatureBuilderTests
{
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    private static TableFeatures Build(DelimitedTable table, string label = "y", IReadOnlyDictionary<string, string>? excluded = null, TableFeatureOptions? options = null)
    {
        var resolved = TableLabel.Resolve(table, label, positive: null);
        return TableFeatureBuilder.Build(table, ColumnRoleInference.Profile(table, label), resolved, excluded ?? None, options);
    }

    [Fact]
    public void Build_EncodesEachRole_AndDropsWhatCannotBeLearnedFrom()
    {
        // Given
        var n = 40;
        var rows = Enumerable.Range(0, n).ToArray();
        var table = new DelimitedTable("t.csv", ';', ["id", "age", "colour", "newsletter", "note", "signed_up", "empty", "y"],
        [
            [.. rows.Select(i => (1000 + i).ToString(CultureInfo.InvariantCulture))],
            [.. rows.Select(i => i == 3 ? "" : (20 + i).ToString(CultureInfo.InvariantCulture))],
            [.. rows.Select(i => i == 5 ? "unknown" : i == 6 ? "mauve" : (i % 2 == 0 ? "red" : "blue"))],
            [.. rows.Select(i => i == 7 ? "N/A" : (i % 3 == 0 ? "Yes" : "No"))],
            [.. rows.Select(i => $"called on day {i} and left a message")],
            [.. rows.Select(i => $"2024-01-{1 + (i % 28):D2}")],
            [.. rows.Select(_ => "")],
            [.. rows.Select(i => i % 4 == 0 ? "yes" : "no")],
        ]);

        // When
        var features = Build(table);

        // Then
        var decisions = features.Columns.ToDictionary(c => c.Column, StringComparer.Ordinal);
        Assert.Equal(7, decisions.Count);
        Assert.False(decisions["id"].Kept);
        Assert.Contains("identifier", decisions["id"].Reason, StringComparison.Ordinal);
        Assert.False(decisions["note"].Kept);
        Assert.Contains("free text", decisions["note"].Reason, StringComparison.Ordinal);
        Assert.False(decisions["signed_up"].Kept);
        Assert.Contains("date", decisions["signed_up"].Reason, StringComparison.Ordinal);
        Assert.False(decisions["empty"].Kept);
        Assert.Contains(features.Warnings, w => w.Contains("\"empty\" is missing", StringComparison.Ordinal));
        Assert.Equal(["age", "colour=blue", "colour=red", "colour=(other)", "colour=(missing)", "newsletter"], features.Data.FeatureNames);

        var data = features.Data;
        Assert.True(float.IsNaN(data.Rows[3][0]));
        Assert.Equal(24f, data.Rows[4][0]);
        Assert.Equal([0f, 1f, 0f, 0f], data.Rows[0][1..5]);
        Assert.Equal([0f, 0f, 0f, 1f], data.Rows[5][1..5]);
        Assert.Equal([0f, 0f, 1f, 0f], data.Rows[6][1..5]);
        Assert.Equal(1f, data.Rows[0][5]);
        Assert.Equal(0f, data.Rows[1][5]);
        Assert.True(float.IsNaN(data.Rows[7][5]));
        Assert.Equal(10, data.Positives);
    }

    [Fact]
    public void Build_DominantExtremeValue_BecomesMissingPlusAnIndicator()
    {
        // Given: like bank marketing's pdays, where 999 means "never contacted"
        var rows = Enumerable.Range(0, 100).ToArray();
        var table = new DelimitedTable("t.csv", ',', ["pdays", "previous", "y"],
        [
            [.. rows.Select(i => i < 90 ? "999" : (i - 90).ToString(CultureInfo.InvariantCulture))],
            [.. rows.Select(i => i < 80 ? "0" : (i % 5).ToString(CultureInfo.InvariantCulture))],
            [.. rows.Select(i => i % 3 == 0 ? "yes" : "no")],
        ]);

        // When
        var features = Build(table);

        // Then: previous's 0 is a real count (next to 1, 2, …) and stays a number
        Assert.Equal(["pdays", "pdays=999", "previous"], features.Data.FeatureNames);
        Assert.True(float.IsNaN(features.Data.Rows[0][0]));
        Assert.Equal(1f, features.Data.Rows[0][1]);
        Assert.Equal(5f, features.Data.Rows[95][0]);
        Assert.Equal(0f, features.Data.Rows[95][1]);
        Assert.Contains("999 in 90.0% of rows", features.Columns[0].Reason, StringComparison.Ordinal);
        Assert.Equal("numeric", features.Columns[1].Reason);
    }

    [Theory]
    [InlineData(new[] { 999.0, 999, 999, 1, 2, 3 }, 999.0)]
    [InlineData(new[] { -1.0, -1, -1, 10, 200, 300 }, -1.0)]
    [InlineData(new[] { 0.0, 0, 0, 1, 2, 3 }, null)]
    [InlineData(new[] { 5.0, 5, 5, 1, 2, 30 }, null)]
    [InlineData(new[] { 999.0, 999, 1, 2, 3, 4 }, null)]
    public void FindSentinel_NeedsADominantExtremeSetApart(double[] values, double? expected)
    {
        Assert.Equal(expected, TableFeatureBuilder.FindSentinel(values, 0.5));
    }

    [Fact]
    public void Build_RareCategories_ShareOther_AndExcludedColumnsKeepTheirReason()
    {
        var rows = Enumerable.Range(0, 60).ToArray();
        var table = new DelimitedTable("t.csv", ',', ["city", "stage", "y"],
        [
            [.. rows.Select(i => i < 50 ? (i % 2 == 0 ? "Lisbon" : "Porto") : $"town{i}")],
            [.. rows.Select(i => i % 2 == 0 ? "won" : "open")],
            [.. rows.Select(i => i % 2 == 0 ? "true" : "false")],
        ]);

        var features = Build(table, excluded: new Dictionary<string, string>(StringComparer.Ordinal) { ["stage"] = "leaky" });

        Assert.Equal(["city=Lisbon", "city=Porto", "city=(other)"], features.Data.FeatureNames);
        Assert.Equal("categorical: one-hot of 2 values, 10 rarer as (other)", features.Columns[0].Reason);
        Assert.Equal(("stage", false, "leaky"), (features.Columns[1].Column, features.Columns[1].Kept, features.Columns[1].Reason));
        Assert.Empty(features.Columns[1].Features);
    }

    [Fact]
    public void Build_NothingLeft_IsAClearError()
    {
        var table = new DelimitedTable("t.csv", ',', ["id", "y"], [["1", "2", "3", "4"], ["yes", "no", "yes", "no"]]);

        var error = Assert.Throws<TableDataException>(() => Build(table));

        Assert.Contains("no column is left to learn from", error.Message, StringComparison.Ordinal);
    }
}
