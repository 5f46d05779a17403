using Leadwise.Learning.Tables;

namespace Leadwise.Learning.Tests.Tables;

public sealed class TableLabelTests
{
    private static DelimitedTable Table(params string[] labels) =>
        new("leads.csv", ',', ["x", "outcome"], [[.. labels.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], labels]);

    [Theory]
    [InlineData("yes", "no", "yes")]
    [InlineData("No", "Yes", "Yes")]
    [InlineData("lost", "won", "won")]
    [InlineData("0", "1", "1")]
    [InlineData("open", "converted", "converted")]
    public void Resolve_InfersThePositiveValue(string a, string b, string expected)
    {
        var label = TableLabel.Resolve(Table(a, b, a, b, a), "outcome", positive: null);

        Assert.Equal(expected, label.Positive);
        Assert.Equal(label.Labels.Count(l => l), new[] { a, b, a, b, a }.Count(v => v == expected));
    }

    [Fact]
    public void Resolve_WithoutAKnownPositive_ListsTheValues()
    {
        var error = Assert.Throws<TableDataException>(() => TableLabel.Resolve(Table("gold", "silver", "gold"), "outcome", positive: null));

        Assert.Equal("outcome", error.Column);
        Assert.Contains("--positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"gold\" (2), \"silver\" (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NamedPositive_IsMatchedIgnoringCase_AndMissingLabelsAreCounted()
    {
        var label = TableLabel.Resolve(Table("gold", "", "SILVER", "unknown", "silver"), "outcome", positive: "silver");

        Assert.Equal([0, 2, 4], label.Rows);
        Assert.Equal([false, true, true], label.Labels);
        Assert.Equal(2, label.MissingCount);
    }

    [Fact]
    public void Resolve_NamedPositiveAbsent_SaysSo()
    {
        var error = Assert.Throws<TableDataException>(() => TableLabel.Resolve(Table("yes", "no"), "outcome", positive: "won"));

        Assert.Contains("no row has the positive value \"won\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoSuchColumn_ListsTheColumns()
    {
        var error = Assert.Throws<TableDataException>(() => TableLabel.Resolve(Table("yes", "no"), "y", positive: null));

        Assert.Equal("leads.csv: no label column \"y\"; columns are x, outcome.", error.Message);
    }

    [Fact]
    public void Resolve_SingleClass_IsAnError()
    {
        var error = Assert.Throws<TableDataException>(() => TableLabel.Resolve(Table("yes", "yes", "", "Yes"), "outcome", positive: null));

        Assert.Contains("single class, \"yes\" (3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AllMissing_IsAnError()
    {
        var error = Assert.Throws<TableDataException>(() => TableLabel.Resolve(Table("", "N/A", "unknown"), "outcome", positive: null));

        Assert.Contains("missing (empty or a placeholder) in every row", error.Message, StringComparison.Ordinal);
    }
}
