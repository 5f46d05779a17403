namespace Leadwise.Learning.Tables;

/// <summary>Settings for <see cref="LeakageGuard"/>.</summary>
public sealed class LeakageOptions
{
    /// <summary>Name words that mark a column as filled after the outcome (matched as whole words, plural -s allowed).</summary>
    public static IReadOnlyList<string> DefaultSuspiciousWords { get; } =
    [
        "status", "stage", "tag", "quality", "duration", "outcome", "result", "won", "lost", "closed",
        "converted", "conversion", "reason", "disposition",
    ];

    /// <summary>A column whose own cross-validated AUC exceeds this is leaky. Default 0.9.</summary>
    public double AucThreshold { get; init; } = 0.9;

    /// <summary>Number of stratified folds. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment; the same seed gives the same findings.</summary>
    public int Seed { get; init; }

    /// <summary>Name words that mark a column as leaky regardless of its AUC.</summary>
    public IReadOnlyList<string> SuspiciousWords { get; init; } = DefaultSuspiciousWords;

    /// <summary>How roles and missing cells are inferred.</summary>
    public ColumnRoleOptions Roles { get; init; } = new();
}
