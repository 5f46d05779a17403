namespace Leadwise.Learning.Insights;

/// <summary>Settings of <see cref="ConversionInsights"/>.</summary>
public sealed class InsightOptions
{
    /// <summary>Values held by fewer leads are flagged <see cref="ConversionInsight.SmallGroup"/>.</summary>
    public int MinLeads { get; init; } = 30;

    /// <summary>Numeric columns are cut into this many quantile bins (fewer when values repeat).</summary>
    public int QuantileBins { get; init; } = 5;

    /// <summary>A text column keeps this many most frequent values; the rest count as "(other)".</summary>
    public int MaxValuesPerAttribute { get; init; } = 30;
}
