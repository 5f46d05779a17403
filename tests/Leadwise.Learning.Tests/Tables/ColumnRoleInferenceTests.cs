using System.Globalization;
using System.Text;
using Leadwise.Learning.Tables;

namespace Leadwise.Learning.Tests.Tables;

public sealed class ColumnRoleInferenceTests
{
    private static DelimitedTable Table(params (string Name, string[] Cells)[] columns) =>
        new("t.csv", ',', [.. columns.Select(c => c.Name)], [.. columns.Select(c => c.Cells)]);

    private static string[] Cells(int count, Func<int, string> cell) => [.. Enumerable.Range(0, count).Select(cell)];

    private static ColumnProfile ProfileOf(string[] cells, ColumnRoleOptions? options = null)
    {
        var table = Table(("x", cells), ("label", Cells(cells.Length, i => i % 2 == 0 ? "yes" : "no")));
        return ColumnRoleInference.Profile(table, "label", options)[0];
    }

    [Theory]
    [InlineData(ColumnRole.Numeric, "1.5", "-2", "3e2", "4", "1.5")]
    [InlineData(ColumnRole.Boolean, "Yes", "no", "yes", "no", "")]
    [InlineData(ColumnRole.Boolean, "1", "0", "0", "1", "1")]
    [InlineData(ColumnRole.Boolean, "T", "F", "t", "f", "t")]
    [InlineData(ColumnRole.Date, "2024-01-31", "2024-02-01 10:31:45", "2023-10-19T10:31:45.096+00", "2024-01-31", "2024-03-01Z")]
    [InlineData(ColumnRole.Categorical, "red", "blue", "red", "green", "blue")]
    [InlineData(ColumnRole.Categorical, "1,5", "2,5", "1,5", "3", "2,5")]
    [InlineData(ColumnRole.Constant, "same", "same", "unknown", "", "same")]
    [InlineData(ColumnRole.Identifier, "7", "8", "9", "10", "11")]
    [InlineData(ColumnRole.Identifier, "a-17", "b-22", "c-19", "d-01", "e-99")]
    [InlineData(ColumnRole.Text, "please call me back", "not now thanks", "send the brochure", "ok", "call next week")]
    public void Profile_InfersTheRole(ColumnRole expected, params string[] cells)
    {
        Assert.Equal(expected, ProfileOf(cells).Role);
    }

    [Fact]
    public void Profile_Guids_AreIdentifiers()
    {
        var profile = ProfileOf(Cells(50, i => new Guid(i, 0, 0, new byte[8]).ToString()));

        Assert.Equal(ColumnRole.Identifier, profile.Role);
    }

    [Fact]
    public void Profile_SparseUniqueIntegers_AreNumericNotIdentifiers()
    {
        var profile = ProfileOf(Cells(50, i => (i * i * 37).ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(ColumnRole.Numeric, profile.Role);
    }

    [Fact]
    public void Profile_CountsPlaceholdersAsMissing_CaseInsensitively()
    {
        var profile = ProfileOf(["a", "Unknown", "SELECT", "n/a", "-", " ", "", "b", "a"]);

        Assert.Equal(6, profile.MissingCount);
        Assert.Equal(2, profile.DistinctCount);
        Assert.Equal(["a", "b"], profile.Examples);
        Assert.Equal(ColumnRole.Categorical, profile.Role);
    }

    [Fact]
    public void Profile_Placeholders_AreConfigurable()
    {
        var options = new ColumnRoleOptions { MissingPlaceholders = ["?"] };

        var profile = ProfileOf(["1", "?", "unknown", "2", "3", "1"], options);

        Assert.Equal(1, profile.MissingCount);
        Assert.Equal(ColumnRole.Categorical, profile.Role);
    }

    [Fact]
    public void Profile_MarksTheLabel()
    {
        var profiles = ColumnRoleInference.Profile(Table(("x", ["1", "2"]), ("y", ["yes", "no"])), "y");

        Assert.Equal([false, true], profiles.Select(p => p.IsLabel));
        Assert.Equal(ColumnRole.Boolean, profiles[1].Role);
    }

    [Fact]
    public void Profile_UnknownLabel_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => ColumnRoleInference.Profile(Table(("x", ["1"])), "y"));
    }

    [Fact]
    public async Task Profile_BankMarketing_FindsTheDocumentedRoles()
    {
        // Given
        var table = await BankMarketing.ReadAsync();

        // When
        var profiles = ColumnRoleInference.Profile(table, "y").ToDictionary(p => p.Name, StringComparer.Ordinal);

        // Then
        string[] numeric = ["age", "duration", "campaign", "pdays", "previous", "emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed"];
        string[] categorical = ["job", "marital", "education", "contact", "month", "day_of_week", "poutcome"];

        // yes/no with "unknown" as missing: two values from a boolean pair, so Boolean by the rules.
        string[] boolean = ["default", "housing", "loan"];
        var roles = new StringBuilder();
        foreach (var p in profiles.Values)
        {
            roles.Append(CultureInfo.InvariantCulture, $"{p.Name}={p.Role} ");
        }

        Assert.All(numeric, n => Assert.True(profiles[n].Role == ColumnRole.Numeric, roles.ToString()));
        Assert.All(categorical, n => Assert.True(profiles[n].Role == ColumnRole.Categorical, roles.ToString()));
        Assert.All(boolean, n => Assert.True(profiles[n].Role == ColumnRole.Boolean, roles.ToString()));
        Assert.True(profiles["y"].IsLabel);
        Assert.DoesNotContain(profiles.Values, p => p.Role == ColumnRole.Identifier);
        Assert.Equal(330, profiles["job"].MissingCount);
        Assert.Equal(0, profiles["pdays"].MissingCount);
    }
}
