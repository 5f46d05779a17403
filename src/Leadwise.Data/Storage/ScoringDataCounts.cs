namespace Leadwise.Data.Storage;

/// <summary>Rows in the tables scoring reads and writes besides the export (kept apart from <see cref="StoreCounts"/>, whose shape callers rely on).</summary>
public sealed record ScoringDataCounts(long Events, long Companies, long Scores);
