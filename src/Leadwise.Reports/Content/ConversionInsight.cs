using Leadwise.Scoring.Reports;

namespace Leadwise.Reports.Content;

/// <summary>
/// How often leads with one attribute value converted: <paramref name="Converted"/> of <paramref name="Leads"/>,
/// the rate with its 95% Wilson interval, and its lift over the overall rate.
/// </summary>
public sealed record ConversionInsight(string Attribute, string Value, int Leads, int Converted, double Rate, double RateLow, double RateHigh, double Lift)
{
    /// <summary>Computes the rate, its Wilson interval and the lift over <paramref name="overallRate"/> from the counts.</summary>
    public static ConversionInsight Of(string attribute, string value, int leads, int converted, double overallRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leads);
        ArgumentOutOfRangeException.ThrowIfNegative(converted);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(converted, leads);
        var rate = leads == 0 ? 0 : (double)converted / leads;
        var interval = RateInterval.Wilson(converted, leads);
        return new ConversionInsight(attribute, value, leads, converted, rate, interval.Low, interval.High, overallRate > 0 ? rate / overallRate : double.NaN);
    }
}
