using Leadwise.Scoring.Reports;

namespace Leadwise.Learning.Insights;

/// <summary>
/// The leads holding one attribute value and how often they converted, against everyone else.
/// </summary>
/// <param name="Attribute">The attribute (<c>seniority</c>).</param>
/// <param name="Value">Its value (<c>Manager</c>).</param>
/// <param name="Leads">Leads holding the value.</param>
/// <param name="Converted">Of them, how many converted.</param>
/// <param name="Rate">Converted / leads.</param>
/// <param name="Interval">Wilson 95% interval of <paramref name="Rate"/>.</param>
/// <param name="Lift">Rate / base rate: 2 means twice as likely to convert as the average lead.</param>
/// <param name="ShareOfConverted">The share of all converted leads that hold the value: what converted leads have in common.</param>
/// <param name="Z">Two-proportion z of the value's rate against the other leads' rate (pooled); the evidence insights are sorted by.</param>
/// <param name="SmallGroup">Fewer leads than <see cref="InsightOptions.MinLeads"/>: the rate is too noisy to act on.</param>
public sealed record ConversionInsight(
    string Attribute,
    string Value,
    int Leads,
    int Converted,
    double Rate,
    RateInterval Interval,
    double Lift,
    double ShareOfConverted,
    double Z,
    bool SmallGroup)
{
    /// <summary>The Wilson interval lies wholly above or below the base rate.</summary>
    public bool ClearOf(double baseRate) => Interval.Low > baseRate || Interval.High < baseRate;
}
