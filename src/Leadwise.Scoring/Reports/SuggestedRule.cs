using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Reports;

/// <summary>
/// A proposed rule for one field value: its support, conversion rate, log-odds against the base rate with
/// a 95% interval, and the points that scale to.
/// </summary>
public sealed record SuggestedRule(
    string Field,
    string Value,
    ScoringModel Group,
    int Leads,
    int Converted,
    double Rate,
    double LogOdds,
    double LogOddsLow,
    double LogOddsHigh,
    double Points)
{
    /// <summary>True when the interval excludes 0, i.e. the difference from the base rate is unlikely to be chance.</summary>
    public bool Significant => LogOddsLow > 0 || LogOddsHigh < 0;
}
