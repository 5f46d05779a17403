using System.Text;
using Leadwise.Learning.Tables;

namespace Leadwise.Learning.Tests.Tables;

public sealed class DelimitedTableReaderTests
{
    private static DelimitedTable Read(string text) => DelimitedTableReader.Read(new StringReader(text), "t.csv");

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_DetectsTheDelimiter(char delimiter)
    {
        // Given
        var d = delimiter.ToString();
        var text = $"a{d}b{d}c\n1{d}\"x, y; z\"{d}3\n4{d}5{d}6\n";

        // When
        var table = Read(text);

        // Then
        Assert.Equal(delimiter, table.Delimiter);
        Assert.Equal(["a", "b", "c"], table.Names);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["x, y; z", "5"], table.Column("b"));
    }

    [Fact]
    public void Read_PrefersTheConsistentDelimiter_WhenValuesContainOthers()
    {
        var table = Read("name;amount\nSmith, J;1,5\nDoe, A;2,25\n");

        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["Smith, J", "Doe, A"], table.Column("name"));
    }

    [Fact]
    public void Read_AcceptsBomAndCrlf()
    {
        var table = Read("\uFEFF\"a\";\"b\"\r\n1;\"two\"\r\n3;\"four\"\r\n");

        Assert.Equal(["a", "b"], table.Names);
        Assert.Equal(["two", "four"], table.Column("b"));
    }

    [Fact]
    public async Task ReadAsync_StripsAUtf8Bom_FromAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leadwise-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id,v\r\n1,a\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var table = await DelimitedTableReader.ReadAsync(path, CancellationToken.None);

            Assert.Equal(["id", "v"], table.Names);
            Assert.Equal(1, table.RowCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\n")]
    public void Read_EmptyFile_FailsAtLineOne(string text)
    {
        var error = Assert.Throws<DelimitedTableFormatException>(() => Read(text));

        Assert.StartsWith("t.csv:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RaggedRow_NamesItsLine()
    {
        var error = Assert.Throws<DelimitedTableFormatException>(() => Read("a,b,c\n1,2,3\n4,5,6\n7,8\n"));

        Assert.Equal("t.csv:4: expected 3 fields (as in the header), got 2", error.Message);
    }

    [Fact]
    public void Read_DuplicateHeader_NamesBothColumns()
    {
        var error = Assert.Throws<DelimitedTableFormatException>(() => Read("a,b,a\n1,2,3\n"));

        Assert.Equal("t.csv:1: duplicate column name \"a\" (columns 1 and 3)", error.Message);
    }

    [Fact]
    public void Read_EmptyHeaderName_IsAnError()
    {
        var error = Assert.Throws<DelimitedTableFormatException>(() => Read("a;;c\n1;2;3\n"));

        Assert.Equal("t.csv:1: column 2 has an empty header name", error.Message);
    }

    [Fact]
    public async Task ReadAsync_BankMarketing_HasAllRowsAndColumns()
    {
        var table = await BankMarketing.ReadAsync();

        Assert.Equal(';', table.Delimiter);
        Assert.Equal(41188, table.RowCount);
        Assert.Equal(21, table.ColumnCount);
        Assert.Equal("age", table.Names[0]);
        Assert.Equal("y", table.Names[^1]);
        Assert.Equal("housemaid", table.Column("job")[0]);
        Assert.All(table.Column("y"), v => Assert.True(v is "yes" or "no", v));
    }
}
