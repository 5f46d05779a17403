using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// A text field: each value with enough leads is a bin (<c>equals</c>, which ignores case and surrounding spaces,
/// as the grouping here does), a missing value is a bin when frequent enough (<c>exists: false</c>), and
/// everything else is "(other)", the reference — so a value never seen in training scores like a rare one.
/// </summary>
internal sealed class TextCharacteristic(RuleField field, ScoringModel group) : Characteristic(field.Name, group)
{
    private const string OtherLabel = "(other)";
    private const string MissingLabel = "(missing)";
    private readonly Dictionary<string, int> _bins = new(StringComparer.Ordinal);
    private readonly List<string> _labels = [];
    private int _other;
    private int? _missing;
    private int _reference;

    public override IReadOnlyList<string> Labels => _labels;

    public override int Reference => _reference;

    public override void Prepare(IReadOnlyList<(LeadFacts Facts, DateTimeOffset AsOf)> training, ScorecardOptions options)
    {
        var counts = new Dictionary<string, (int Count, Dictionary<string, int> Spellings)>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var (facts, asOf) in training)
        {
            var value = field.ReadText(facts, asOf)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                missing++;
                continue;
            }

            var key = value.ToLowerInvariant();
            if (!counts.TryGetValue(key, out var entry))
            {
                entry = (0, new Dictionary<string, int>(StringComparer.Ordinal));
            }

            entry.Spellings[value] = entry.Spellings.GetValueOrDefault(value) + 1;
            counts[key] = (entry.Count + 1, entry.Spellings);
        }

        foreach (var (key, (count, spellings)) in counts.Where(p => p.Value.Count >= options.MinSupport)
            .OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            _bins[key] = _labels.Count;
            _labels.Add(spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key);
        }

        if (missing >= options.MinSupport)
        {
            _missing = _labels.Count;
            _labels.Add(MissingLabel);
        }

        _other = _labels.Count;
        _labels.Add(OtherLabel);
        var rare = counts.Values.Where(c => c.Count < options.MinSupport).Sum(c => c.Count) + (_missing is null ? missing : 0);
        // With no rare values the "(other)" bin is empty; the most common value then scores 0 instead.
        _reference = rare > 0 || _labels.Count == 1 ? _other : 0;
    }

    public override int BinOf(LeadFacts facts, DateTimeOffset asOf)
    {
        var value = field.ReadText(facts, asOf)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return _missing ?? _other;
        }

        return _bins.TryGetValue(value.ToLowerInvariant(), out var bin) ? bin : _other;
    }

    public override IEnumerable<LearnedRule> Rules(IReadOnlyList<int> scores)
    {
        for (var bin = 0; bin < _labels.Count; bin++)
        {
            if (bin == _reference || bin == _other || scores[bin] == 0)
            {
                continue;
            }

            var test = bin == _missing ? "exists: false" : "equals: " + Yaml.Quote(_labels[bin]);
            yield return new LearnedRule(bin == _missing ? "missing" : _labels[bin], ["field: " + Name, test], scores[bin], bin);
        }
    }
}
