using System.Text;

namespace Leadwise.Learning.Training.Native;

/// <summary>
/// Fits LightGBM on rows of a <see cref="FeatureMatrix"/> through LightGBM's C API, with the settings and the data
/// ML.NET's trainer would hand it (<see cref="LightGbmSettings"/>), for cross-validation. ML.NET's trainer walks its
/// data view four times before the first round (labels, a density probe, a bin sample of every row, then every row
/// again in batches) and scores through a parallel cursor; here the fold's rows are copied once into one dense
/// row-major block outside the lock, and only the native calls hold it, so another fold's copying and scoring overlap.
/// </summary>
internal static class NativeLightGbmTrainer
{
    /// <summary>ML.NET samples at most this many rows to find the bins.</summary>
    public const int BinSampleRows = 1 << 16;

    /// <remarks>
    /// The dataset is built as ML.NET 5 builds it: the bins from a sample of the rows' non-zero values per column
    /// (<c>LGBM_DatasetCreateFromSampledColumn</c>, with ML.NET's arguments), then every row pushed. So the trees equal
    /// ML.NET's for the same seed whenever the sample holds every row (up to <see cref="BinSampleRows"/> training rows).
    /// With more rows both draw <see cref="BinSampleRows"/> rows by ML.NET's stepping, but from different random
    /// streams (here <see cref="Random"/> seeded with <paramref name="seed"/>, there the context's host random), so bin
    /// edges and hence trees can differ slightly.
    /// </remarks>
    public static NativeLightGbmModel Fit(FeatureMatrix data, IReadOnlyList<int> rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        var width = data.FeatureNames.Count;
        var features = GC.AllocateUninitializedArray<float>(checked(rows.Count * width));
        var labels = new float[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            data.Rows[rows[r]].CopyTo(features.AsSpan(r * width, width));
            labels[r] = data.Labels[rows[r]] ? 1 : 0;
        }

        var sample = BinSample.Draw(features, rows.Count, width, BinSampleRows, new Random(seed));
        var parameters = LightGbmSettings.NativeParameters(seed);
        string modelText;
        lock (LightGbmNativeLock.Gate)
        {
            modelText = Train(features, labels, rows.Count, width, sample, parameters);
        }

        return NativeLightGbmModel.Parse(modelText, width);
    }

    private static unsafe string Train(float[] features, float[] labels, int rowCount, int width, BinSample sample, string parameters)
    {
        nint dataset = 0, booster = 0;
        try
        {
            var valuePointers = new double*[width];
            var rowPointers = new int*[width];
            fixed (double* values = sample.Values)
            fixed (int* sampleRows = sample.Rows)
            fixed (int* counts = sample.Counts)
            fixed (double** valueColumns = valuePointers)
            fixed (int** rowColumns = rowPointers)
            {
                for (var c = 0; c < width; c++)
                {
                    valuePointers[c] = values + sample.Starts[c];
                    rowPointers[c] = sampleRows + sample.Starts[c];
                }

                // Local rows = all rows and 0 distributed rows, as ML.NET passes them: the bin finder's minimum count per bin
                // depends on these, so other values give other bins.
                LightGbmNative.Check(LightGbmNative.DatasetCreateFromSampledColumn(
                    valueColumns, rowColumns, width, counts, sample.RowCount, rowCount, 0, parameters, out dataset), "DatasetCreateFromSampledColumn");
            }

            fixed (float* label = labels)
            {
                LightGbmNative.Check(LightGbmNative.DatasetSetField(dataset, "label", label, labels.Length, LightGbmNative.Float32), "DatasetSetField");
            }

            fixed (float* block = features)
            {
                LightGbmNative.Check(LightGbmNative.DatasetPushRows(dataset, block, LightGbmNative.Float32, rowCount, width, 0), "DatasetPushRows");
            }

            LightGbmNative.Check(LightGbmNative.BoosterCreate(dataset, parameters, out booster), "BoosterCreate");
            for (var round = 0; round < LightGbmSettings.NumberOfIterations; round++)
            {
                LightGbmNative.Check(LightGbmNative.BoosterUpdateOneIter(booster, out var finished), "BoosterUpdateOneIter");
                if (finished == 1)
                {
                    break;
                }
            }

            return SaveModel(booster);
        }
        finally
        {
            if (booster != 0)
            {
                LightGbmNative.Check(LightGbmNative.BoosterFree(booster), "BoosterFree");
            }

            if (dataset != 0)
            {
                LightGbmNative.Check(LightGbmNative.DatasetFree(dataset), "DatasetFree");
            }
        }
    }

    private static unsafe string SaveModel(nint booster)
    {
        var buffer = new byte[1 << 17];
        long length;
        fixed (byte* text = buffer)
        {
            LightGbmNative.Check(LightGbmNative.BoosterSaveModelToString(booster, 0, -1, 0, buffer.Length, out length, text), "BoosterSaveModelToString");
        }

        if (length > buffer.Length)
        {
            buffer = new byte[length];
            fixed (byte* text = buffer)
            {
                LightGbmNative.Check(LightGbmNative.BoosterSaveModelToString(booster, 0, -1, 0, buffer.Length, out length, text), "BoosterSaveModelToString");
            }
        }

        // The length counts the terminating zero.
        return Encoding.UTF8.GetString(buffer, 0, (int)length - 1);
    }
}
