namespace Leadwise.Learning.Training.Native;

/// <summary>
/// One LightGBM fit at a time in the process, whether through ML.NET's trainer or the direct calls: two at once crashed
/// the process with a segfault in lib_lightgbm.so — its native code indexes per-thread state by OpenMP's process-wide
/// thread count (dotnet/machinelearning#4918).
/// </summary>
internal static class LightGbmNativeLock
{
    public static Lock Gate { get; } = new();
}
