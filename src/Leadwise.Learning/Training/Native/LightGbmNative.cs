using System.Runtime.InteropServices;

namespace Leadwise.Learning.Training.Native;

/// <summary>
/// The few functions of LightGBM's C API that cross-validation calls directly (the library ML.NET's LightGBM trainer
/// loads, from the LightGBM package). Every call must hold <see cref="LightGbmNativeLock.Gate"/>: the native code keeps
/// process-wide OpenMP state and crashed when two fits ran at once (dotnet/machinelearning#4918).
/// </summary>
internal static partial class LightGbmNative
{
    private const string Library = "lib_lightgbm";

    public const int Float32 = 0;

    [LibraryImport(Library, EntryPoint = "LGBM_GetLastError")]
    private static partial nint GetLastError();

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetCreateFromSampledColumn", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int DatasetCreateFromSampledColumn(
        double** sampleValues, int** sampleRows, int columns, int* valuesPerColumn, int sampleRowCount, int localRowCount, long distributedRowCount, string parameters, out nint dataset);

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetPushRows")]
    public static unsafe partial int DatasetPushRows(nint dataset, float* data, int dataType, int rows, int columns, int startRow);

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetSetField", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int DatasetSetField(nint dataset, string field, float* values, int count, int dataType);

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetFree")]
    public static partial int DatasetFree(nint dataset);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterCreate", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int BoosterCreate(nint dataset, string parameters, out nint booster);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterUpdateOneIter")]
    public static partial int BoosterUpdateOneIter(nint booster, out int isFinished);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterSaveModelToString")]
    public static unsafe partial int BoosterSaveModelToString(
        nint booster, int startIteration, int iterations, int featureImportanceType, long bufferLength, out long length, byte* buffer);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterFree")]
    public static partial int BoosterFree(nint booster);

    /// <summary>Throws LightGBM's own message when a call failed (non-zero result).</summary>
    public static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"LightGBM {call} failed: {Marshal.PtrToStringUTF8(GetLastError())}");
        }
    }
}
