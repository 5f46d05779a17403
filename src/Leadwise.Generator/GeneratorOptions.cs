namespace Leadwise.Generator;

/// <summary>What to generate. The same options always give byte-identical output.</summary>
public sealed record GeneratorOptions
{
    public int LeadCount { get; init; } = 20_000;

    public int Seed { get; init; } = 42;

    /// <summary>When the export was taken: every timestamp is before it. Fixed, never "now".</summary>
    public DateTimeOffset ExportDate { get; init; } = new(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Scales the rates of dirty values (odd emails, "Test ME", "-" titles, lower-case names, missing gender); 0 = clean.</summary>
    public double DirtyValueScale { get; init; } = 1.0;

    /// <summary>Share of keyboard-mash spam leads, which never accept and never reply.</summary>
    public double SpamLeadRate { get; init; } = 0.005;

    /// <summary>The true model's parameters; the defaults are documented in docs/generator.md.</summary>
    public Truth.TrueModelParameters Model { get; init; } = new();

    /// <summary>The engagement-event model's parameters (<see cref="GeneratedExport.Events"/>); never changes the five export files.</summary>
    public Truth.EngagementModelParameters Engagement { get; init; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LeadCount, 1, nameof(LeadCount));
        ArgumentOutOfRangeException.ThrowIfNegative(DirtyValueScale, nameof(DirtyValueScale));
        ArgumentOutOfRangeException.ThrowIfNegative(SpamLeadRate, nameof(SpamLeadRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SpamLeadRate, 1.0, nameof(SpamLeadRate));
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Engagement);
        ArgumentOutOfRangeException.ThrowIfNegative(Model.LatentQualitySd, "Model.LatentQualitySd");
        if (!double.IsFinite(Model.WordingScale))
        {
            throw new ArgumentOutOfRangeException("Model.WordingScale", Model.WordingScale, "WordingScale must be a finite number");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Engagement.HistoryDays, "Engagement.HistoryDays");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Model.ResponsivenessSd, "Model.ResponsivenessSd");
        if (Engagement.SessionsSeniorityEffects.Count != 5 || Engagement.SocialTypeShares.Count != 4)
        {
            throw new ArgumentException("Engagement: SessionsSeniorityEffects needs 5 entries, SocialTypeShares 4", nameof(Engagement));
        }
    }
}
