using Leadwise.Learning.Training.Native;

namespace Leadwise.Learning.Tests.Training.Native;

public sealed class BinSampleTests
{
    /// <summary>Row r holds [r, 0, NaN every third row else 0]: column 0 non-zero except row 0, column 1 always zero.</summary>
    private static float[] Block(int rows)
    {
        var block = new float[rows * 3];
        for (var r = 0; r < rows; r++)
        {
            block[r * 3] = r;
            block[(r * 3) + 2] = r % 3 == 0 ? float.NaN : 0;
        }

        return block;
    }

    [Fact]
    public void Should_take_every_row_and_only_non_zero_values_when_the_rows_fit_the_sample()
    {
        // Given
        var block = Block(10);

        // When
        var sample = BinSample.Draw(block, rowCount: 10, width: 3, maximumRows: 65_536, new Random(0));

        // Then: column 0 has rows 1..9, column 1 nothing, column 2 the NaN rows 0, 3, 6, 9
        Assert.Equal(10, sample.RowCount);
        Assert.Equal([9, 0, 4], sample.Counts);
        Assert.Equal(Enumerable.Range(1, 9).Select(r => (double)r), sample.Values.Take(9));
        Assert.Equal(Enumerable.Range(1, 9), sample.Rows.Take(9));
        Assert.Equal([0, 3, 6, 9], sample.Rows.Skip(sample.Starts[2]).Take(4));
        Assert.All(sample.Values.Skip(sample.Starts[2]), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Should_spread_a_capped_sample_over_all_rows_in_order_and_repeat_it_for_the_same_seed()
    {
        // Given: more rows than the sample may hold
        var block = Block(5_000);

        // When
        var first = BinSample.Draw(block, rowCount: 5_000, width: 3, maximumRows: 1_000, new Random(7));
        var second = BinSample.Draw(block, rowCount: 5_000, width: 3, maximumRows: 1_000, new Random(7));

        // Then: at most the cap, drawn from the whole range in increasing order (column 0's value is the row), seeded
        Assert.InRange(first.RowCount, 900, 1_000);
        var picked = first.Values.Take(first.Counts[0]).ToArray();
        Assert.True(picked.Zip(picked.Skip(1)).All(p => p.First < p.Second), "rows in increasing order");
        Assert.True(picked[0] < 50 && picked[^1] > 4_900, $"spread over the rows: {picked[0]}..{picked[^1]}");
        Assert.Equal(first.Values.Take(first.Counts[0]), second.Values.Take(second.Counts[0]));
    }
}
