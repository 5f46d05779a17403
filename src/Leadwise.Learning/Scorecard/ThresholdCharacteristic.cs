using Leadwise.Core.Scoring;
using Leadwise.Learning.Insights;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// A number (a numeric field, or a count of events before the invite) cut at quantiles into bins of at least
/// <see cref="ScorecardOptions.MinSupport"/> leads. Rules are cumulative — one per cut, "at least this", worth the
/// step from the bin below — since a range rule includes both bounds and two adjacent ranges would both fire at
/// their shared bound. Below the first cut is the reference; a missing value has its own bin when frequent
/// enough (<c>exists: false</c>), else scores like the reference.
/// </summary>
/// <param name="name">The attribute's name in comments and rule ids.</param>
/// <param name="group">The scoring model its rules belong to.</param>
/// <param name="read">The value as the rule sees it; null when missing.</param>
/// <param name="atLeast">The YAML condition lines for "value ≥ cut".</param>
/// <param name="missingCondition">The YAML condition lines for "missing", or null when the value is never missing.</param>
/// <param name="startAtOne">Counts: put the first cut at 1, so "none" against "any" is always a bin boundary when both are frequent.</param>
internal sealed class ThresholdCharacteristic(
    string name,
    ScoringModel group,
    Func<LeadFacts, DateTimeOffset, double?> read,
    Func<double, IReadOnlyList<string>> atLeast,
    IReadOnlyList<string>? missingCondition,
    bool startAtOne)
    : Characteristic(name, group)
{
    private List<double> _cuts = [];
    private readonly List<string> _labels = [];
    private int? _missing;

    public override IReadOnlyList<string> Labels => _labels;

    public override int Reference => 0;

    public override void Prepare(IReadOnlyList<(LeadFacts Facts, DateTimeOffset AsOf)> training, ScorecardOptions options)
    {
        var values = training.Select(t => read(t.Facts, t.AsOf)).ToArray();
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
        var candidates = startAtOne
            ? new SortedSet<double>(QuantileBins.Cuts(present.Where(v => v >= 1), options.NumericBins - 1).Append(1).Where(c => c >= 1))
            : new SortedSet<double>(QuantileBins.Cuts(present, options.NumericBins));
        _cuts = [.. candidates];
        var missing = values.Length - present.Length;

        // Merge bins that are too small into a neighbour until every bin has enough leads.
        while (_cuts.Count > 0)
        {
            var counts = new int[_cuts.Count + 1];
            foreach (var v in present)
            {
                counts[QuantileBins.Bin(v, _cuts)]++;
            }

            if (missing < options.MinSupport)
            {
                counts[0] += missing;
            }

            var small = Array.FindIndex(counts, c => c < options.MinSupport);
            if (small < 0)
            {
                break;
            }

            _cuts.RemoveAt(small == 0 ? 0 : small - 1);
        }

        _labels.AddRange(Enumerable.Range(0, _cuts.Count + 1).Select(bin => QuantileBins.Label(bin, _cuts)));
        if (missingCondition is not null && missing >= options.MinSupport)
        {
            _missing = _labels.Count;
            _labels.Add("(missing)");
        }
    }

    public override int BinOf(LeadFacts facts, DateTimeOffset asOf) =>
        read(facts, asOf) is { } value ? QuantileBins.Bin(value, _cuts) : _missing ?? 0;

    public override IEnumerable<LearnedRule> Rules(IReadOnlyList<int> scores)
    {
        for (var k = 1; k <= _cuts.Count; k++)
        {
            var step = scores[k] - scores[k - 1];
            if (step != 0)
            {
                yield return new LearnedRule("min-" + QuantileBins.Format(_cuts[k - 1]), atLeast(_cuts[k - 1]), step, k);
            }
        }

        if (_missing is { } bin && scores[bin] != 0)
        {
            yield return new LearnedRule("missing", missingCondition!, scores[bin], bin);
        }
    }
}
