namespace Leadwise.Reports.Content;

/// <summary>What the model was evaluated on: rows, how many converted, and the features it could see.</summary>
public sealed record DataDescription(int Rows, int Positives, IReadOnlyList<string> Features, string Source = "");
