namespace Leadwise.Learning.Insights;

/// <summary>Every attribute value's conversion against the base rate, strongest evidence (|z|) first.</summary>
public sealed record InsightReport(int Leads, int Converted, IReadOnlyList<ConversionInsight> Insights)
{
    public double BaseRate => Leads == 0 ? 0 : (double)Converted / Leads;

    /// <summary>Values whose leads convert more often than the rest, strongest evidence first, small groups left out.</summary>
    public IEnumerable<ConversionInsight> MoreLikely => Insights.Where(i => !i.SmallGroup && i.Z > 0);

    /// <summary>Values whose leads convert less often than the rest, strongest evidence first, small groups left out.</summary>
    public IEnumerable<ConversionInsight> LessLikely => Insights.Where(i => !i.SmallGroup && i.Z < 0);
}
