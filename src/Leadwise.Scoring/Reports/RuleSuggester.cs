using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;
using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Reports;

/// <summary>
/// Rules suggest: compares converted with non-converted invited leads and proposes points per field value,
/// as <see cref="SuggestOptions.PointsPerLogOdds"/> × (log-odds of converting with the value − log-odds of
/// the base rate), with a 95% interval. Values with fewer than <see cref="SuggestOptions.MinSupport"/>
/// leads are skipped. <see cref="ToYaml"/> writes the suggestions as a rules file that loads back.
/// </summary>
public sealed class RuleSuggester(SuggestOptions options)
{
    public RuleSuggester()
        : this(new SuggestOptions())
    {
    }

    public IReadOnlyList<SuggestedRule> Suggest(IReadOnlyList<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var invited = leads.Where(l => RulesReport.Outcome(l) is not null).ToArray();
        var total = invited.Length;
        var converted = invited.Count(l => RulesReport.Outcome(l) == true);
        if (total == 0)
        {
            return [];
        }

        var baseLogOdds = LogOdds(converted, total);
        var suggestions = new List<SuggestedRule>();
        foreach (var fieldName in options.Fields)
        {
            var counts = new Dictionary<string, (int Leads, int Converted)>(StringComparer.OrdinalIgnoreCase);
            foreach (var facts in invited)
            {
                var won = RulesReport.Outcome(facts) == true;
                foreach (var value in ValuesOf(fieldName, facts))
                {
                    counts.TryGetValue(value, out var c);
                    counts[value] = (c.Leads + 1, c.Converted + (won ? 1 : 0));
                }
            }

            foreach (var (value, (n, c)) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (n < options.MinSupport)
                {
                    continue;
                }

                var logOdds = LogOdds(c, n) - baseLogOdds;
                var se = Math.Sqrt((1 / (c + 0.5)) + (1 / (n - c + 0.5)));
                var points = Math.Clamp(Math.Round(options.PointsPerLogOdds * logOdds), -options.MaxPoints, options.MaxPoints);
                if (points == 0)
                {
                    continue;
                }

                suggestions.Add(new SuggestedRule(
                    fieldName,
                    value,
                    fieldName.StartsWith("company.", StringComparison.Ordinal) ? ScoringModel.Firmographics : ScoringModel.Demographics,
                    n,
                    c,
                    (double)c / n,
                    logOdds,
                    logOdds - (RateInterval.Z95 * se),
                    logOdds + (RateInterval.Z95 * se),
                    points));
            }
        }

        return suggestions;
    }

    /// <summary>The suggestions as a rules file in the documented format (loads back through <see cref="RulesLoader"/>).</summary>
    public string ToYaml(IReadOnlyList<SuggestedRule> suggestions, int leads = 0, int converted = 0)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var yaml = new StringBuilder();
        yaml.AppendLine("# Suggested by Leadwise (rules suggest): points per field value from converted vs non-converted invited leads.");
        if (leads > 0)
        {
            yaml.AppendLine(Invariant($"# {leads} invited leads, {converted} converted (base rate {(double)converted / leads:P1})."));
        }

        yaml.AppendLine(Invariant($"# points = {options.PointsPerLogOdds:0.##} x (log-odds with the value - log-odds of the base rate), clamped to +-{options.MaxPoints:0.##};"));
        yaml.AppendLine(Invariant($"# values with fewer than {options.MinSupport} leads are left out. Review before use: correlation is not cause."));
        yaml.AppendLine("version: 1");
        yaml.AppendLine("rules:");
        if (suggestions.Count == 0)
        {
            yaml.AppendLine("  []");
            return yaml.ToString();
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in suggestions)
        {
            var id = UniqueId(ids, s);
            var comment = Invariant($"{s.Leads} leads, {s.Converted} converted ({s.Rate:P1}), log-odds {s.LogOdds:+0.00;-0.00} [{s.LogOddsLow:+0.00;-0.00}, {s.LogOddsHigh:+0.00;-0.00}]{(s.Significant ? string.Empty : ", not significant")}");
            var (field, condition) = s.Field == SuggestOptions.TitleTokens
                ? ("title", "regex: " + Quote(@"(?i)\b" + Regex.Escape(s.Value) + @"\b"))
                : (s.Field, "equals: " + Quote(s.Value));
            // Gender is reported but not proposed for use: see DefaultRules.yaml.
            var prefix = s.Field == "gender" ? "  # " : "  ";
            yaml.Append(prefix).Append("- id: ").AppendLine(id);
            yaml.Append(prefix).Append("  group: ").AppendLine(s.Group.ToString());
            yaml.Append(prefix).Append("  field: ").AppendLine(field);
            yaml.Append(prefix).Append("  ").Append(condition).Append("   # ").AppendLine(comment);
            yaml.Append(prefix).Append("  points: ").AppendLine(s.Points.ToString("0.##", CultureInfo.InvariantCulture));
        }

        return yaml.ToString();
    }

    /// <summary><see cref="Suggest"/> then <see cref="ToYaml"/>.</summary>
    public string SuggestYaml(IReadOnlyList<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var invited = leads.Count(l => RulesReport.Outcome(l) is not null);
        var converted = leads.Count(l => RulesReport.Outcome(l) == true);
        return ToYaml(Suggest(leads), invited, converted);
    }

    private static IEnumerable<string> ValuesOf(string fieldName, LeadFacts facts)
    {
        if (fieldName == SuggestOptions.TitleTokens)
        {
            return TitleWords.Of(facts.Lead.Title);
        }

        if (!RuleFields.TryGet(fieldName, out var field) || field.Kind != FieldKind.Text)
        {
            throw new ArgumentException($"\"{fieldName}\" is not a text field rules can read.", nameof(fieldName));
        }

        var context = new LeadContext(facts, DateTimeOffset.MaxValue);
        var value = field.Text!(ref context)?.Trim();
        return string.IsNullOrEmpty(value) ? [] : [value];
    }

    private static double LogOdds(int converted, int total) => Math.Log((converted + 0.5) / (total - converted + 0.5));

    private static string UniqueId(HashSet<string> ids, SuggestedRule s)
    {
        var slug = new StringBuilder("suggest-");
        foreach (var ch in $"{s.Field}-{s.Value}".ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }

        var id = slug.ToString();
        for (var n = 2; !ids.Add(id); n++)
        {
            id = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
