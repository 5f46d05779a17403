namespace Leadwise.Learning.Training.Native;

/// <summary>
/// The rows LightGBM finds its bins on, as ML.NET's LightGBM trainer hands them over: per column the non-zero values
/// (NaN counts as non-zero) and the sample row each came from, scanning the sampled rows in order. Columns are stored
/// one after another in <see cref="Values"/> and <see cref="Rows"/>, column c from <see cref="Starts"/>[c] on.
/// </summary>
internal sealed class BinSample
{
    private BinSample(double[] values, int[] rows, int[] starts, int[] counts, int rowCount)
    {
        Values = values;
        Rows = rows;
        Starts = starts;
        Counts = counts;
        RowCount = rowCount;
    }

    public double[] Values { get; }

    public int[] Rows { get; }

    public int[] Starts { get; }

    public int[] Counts { get; }

    /// <summary>How many rows the sample holds.</summary>
    public int RowCount { get; }

    /// <summary>
    /// Every row when there are at most <paramref name="maximumRows"/>; otherwise about that many, stepping through the
    /// rows by random strides whose mean keeps the rest of the sample spread over the rest of the rows (ML.NET's way).
    /// </summary>
    public static BinSample Draw(float[] features, int rowCount, int width, int maximumRows, Random random)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(random);
        var sampleRows = Math.Min(maximumRows, rowCount);
        var picked = new List<int>(sampleRows);
        var averageStep = (double)rowCount / sampleRows;
        var row = -1;
        while (picked.Count < sampleRows)
        {
            var step = averageStep > 1 ? random.Next((int)((2 * averageStep) - 1)) + 1 : 1;
            row += step;
            if (row >= rowCount)
            {
                break;
            }

            picked.Add(row);
            averageStep = (double)(rowCount - row - 1) / Math.Max(1, sampleRows - picked.Count);
        }

        var counts = new int[width];
        foreach (var r in picked)
        {
            for (var c = 0; c < width; c++)
            {
                if (features[(r * width) + c] != 0)
                {
                    counts[c]++;
                }
            }
        }

        var starts = new int[width];
        for (var c = 1; c < width; c++)
        {
            starts[c] = starts[c - 1] + counts[c - 1];
        }

        var total = width == 0 ? 0 : starts[^1] + counts[^1];
        var values = new double[total];
        var rows = new int[total];
        var filled = (int[])starts.Clone();
        for (var s = 0; s < picked.Count; s++)
        {
            var offset = picked[s] * width;
            for (var c = 0; c < width; c++)
            {
                var value = features[offset + c];
                if (value != 0)
                {
                    values[filled[c]] = value;
                    rows[filled[c]] = s;
                    filled[c]++;
                }
            }
        }

        return new BinSample(values, rows, starts, counts, picked.Count);
    }
}
