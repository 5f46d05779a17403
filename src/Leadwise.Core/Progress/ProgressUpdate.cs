namespace Leadwise.Core.Progress;

/// <summary>
/// How far a long operation is. Libraries report it through <see cref="IProgress{T}"/>; the CLI draws
/// bars, the server logs it, tests collect it. <paramref name="Total"/> is null when unknown.
/// </summary>
public sealed record ProgressUpdate(string Stage, long Done, long? Total);
