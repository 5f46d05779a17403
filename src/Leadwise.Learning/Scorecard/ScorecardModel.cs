using System.Globalization;
using System.Text;
using Leadwise.Core.Scoring;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// A learned points scorecard (<see cref="ScorecardTrainer"/>): per attribute, bins with their weight of evidence
/// and points. <see cref="ToYaml"/> writes it as a points rules file that <c>RulesLoader</c> loads, and the points
/// engine then gives every lead exactly <see cref="Points"/>.
/// </summary>
public sealed class ScorecardModel
{
    private readonly IReadOnlyList<Fitted> _fitted;

    internal ScorecardModel(IReadOnlyList<Fitted> fitted, double intercept, double pointsPerDoubling, int leads, int converted, IReadOnlyList<ScorecardGrade>? grades = null)
    {
        _fitted = fitted;
        Intercept = intercept;
        PointsPerDoubling = pointsPerDoubling;
        Leads = leads;
        Converted = converted;
        Grades = grades ?? [];
    }

    /// <summary>Every attribute tried, in file order, including those the regression gave no weight (β = 0).</summary>
    public IReadOnlyList<ScorecardAttribute> Attributes => [.. _fitted.Select(f => f.Attribute)];

    /// <summary>The regression's intercept on the log-odds scale; not in the file, which ranks rather than predicts.</summary>
    public double Intercept { get; }

    public double PointsPerDoubling { get; }

    /// <summary>Invited leads it was fitted on.</summary>
    public int Leads { get; }

    /// <summary>Of them, converted (replied).</summary>
    public int Converted { get; }

    /// <summary>Grades at training-score quantiles (<see cref="ScorecardOptions.GradeShares"/>), highest first.</summary>
    public IReadOnlyList<ScorecardGrade> Grades { get; }

    /// <summary>What a rule cannot, or should not, test, so the scorecard leaves it out (also written into the file).</summary>
    public static IReadOnlyList<string> LeftOut { get; } =
    [
        "gender: no buying signal, and scoring it encodes bias (as in the default rules)",
        "the campaign's messages (language match with the lead, length, personal touch, question, link): rules read the lead, not the messages it will be sent",
        "identifiers (names, email address and domain, company name and domain, city, location): one value per lead or company, nothing that carries over",
        "campaign.name and campaign.status: a campaign's own reply rate does not carry to the next campaign",
        "the outcome (replied, inviteAccepted, stepsSent, skip, skipReason, inviteAttempts; email_reply and linkedin_invite_accepted events): it is what the points predict",
    ];

    /// <summary>The lead's points as of <paramref name="asOf"/> (its invite, when ranking leads before contact).</summary>
    public int Points(LeadFacts facts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var total = 0;
        foreach (var f in _fitted)
        {
            total += f.Scores[f.Characteristic.BinOf(facts, asOf)];
        }

        return total;
    }

    /// <summary>The scorecard as a points rules file in the documented format, with how it was fitted in comments.</summary>
    public string ToYaml()
    {
        var yaml = new StringBuilder();
        var factor = PointsPerDoubling / Math.Log(2);
        Line(yaml, $"# Learned by Leadwise (rules learn): a weight-of-evidence scorecard fitted on {Leads:N0} invited leads, {Converted:N0} converted (base rate {(Leads == 0 ? 0 : (double)Converted / Leads):P1}).");
        yaml.AppendLine("# Each attribute is cut into bins: text values with enough leads, the rest \"(other)\"; numbers and event counts");
        yaml.AppendLine("# before the invite at quantiles. A bin's weight of evidence is WoE = ln(share of converted leads in the bin /");
        yaml.AppendLine("# share of other leads in the bin); an L2 logistic regression on the WoE features weighs each attribute (one whose");
        yaml.AppendLine("# beta comes out <= 0 only stands in for others: it is dropped and the rest refitted).");
        Line(yaml, $"# points = round({factor:0.##} x beta x (WoE - WoE of the attribute's reference bin)): {PointsPerDoubling:0.##} points per doubling of the");
        yaml.AppendLine("# odds of replying. The reference bin scores 0 and needs no rule. \"At least\" rules (numbers, event counts) add up:");
        yaml.AppendLine("# each adds the step from the bin below. There is no constant term: totals rank leads, they are not log-odds");
        Line(yaml, $"# (the regression's intercept is {Intercept:0.###}). Grades split the training leads at the top {GradeText()}.");
        yaml.AppendLine("# Left out:");
        foreach (var reason in LeftOut)
        {
            yaml.Append("#   - ").AppendLine(reason);
        }

        var unused = _fitted.Where(f => f.Attribute.Coefficient == 0).Select(f => f.Attribute.Name).ToList();
        if (unused.Count > 0)
        {
            yaml.Append("# No weight (beta = 0: nothing beyond the other attributes): ").AppendLine(string.Join(", ", unused));
        }

        yaml.AppendLine("# Review before use: these are correlations in past outreach, not causes.");
        yaml.AppendLine("version: 1");
        if (Grades.Count >= 2)
        {
            yaml.AppendLine("grades:");
            foreach (var grade in Grades)
            {
                yaml.AppendLine(grade.Min is { } min
                    ? Invariant($"  - {{grade: {grade.Name}, min: {min}}}")
                    : Invariant($"  - {{grade: {grade.Name}}}"));
            }
        }

        yaml.AppendLine("rules:");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        foreach (var f in _fitted.Where(f => f.Attribute.Coefficient != 0))
        {
            var attribute = f.Attribute;
            Line(yaml, $"  # {attribute.Name}: beta {attribute.Coefficient:0.###}, information value {Math.Max(0, attribute.InformationValue):0.###}, reference bin {Comment(attribute.ReferenceBin)} (WoE {attribute.Bins.First(b => b.Label == attribute.ReferenceBin).WeightOfEvidence:+0.00;-0.00}, 0 points; others score against it)");
            foreach (var rule in f.Characteristic.Rules(f.Scores))
            {
                var bin = attribute.Bins[rule.Bin];
                var id = UniqueId(ids, attribute.Name + "-" + rule.IdSuffix);
                yaml.Append("  - id: ").AppendLine(id);
                yaml.Append("    group: ").AppendLine(f.Characteristic.Group.ToString());
                for (var k = 0; k < rule.Condition.Count; k++)
                {
                    yaml.Append("    ").Append(rule.Condition[k]);
                    if (k == rule.Condition.Count - 1)
                    {
                        Line(yaml, $"   # bin {Comment(bin.Label)}: {bin.Leads:N0} leads, {bin.Converted:N0} converted ({(bin.Leads == 0 ? 0 : (double)bin.Converted / bin.Leads):P1}), WoE {bin.WeightOfEvidence:+0.00;-0.00}, {bin.Points:+0;-0;0} points in all");
                    }
                    else
                    {
                        yaml.AppendLine();
                    }
                }

                yaml.Append("    points: ").AppendLine(rule.Points.ToString(CultureInfo.InvariantCulture));
                any = true;
            }
        }

        if (!any)
        {
            yaml.AppendLine("  []");
        }

        return yaml.ToString();
    }

    internal ScorecardModel WithGrades(IReadOnlyList<ScorecardGrade> grades) =>
        new(_fitted, Intercept, PointsPerDoubling, Leads, Converted, grades);

    private string GradeText()
    {
        var named = Grades.Where(g => g.Min is not null).Select(g => Invariant($"{g.Name} from {g.Min}"));
        return Grades.Count >= 2 ? "shares of ScorecardOptions.GradeShares: " + string.Join(", ", named) : "(no grades: every lead scored the same)";
    }

    private static string Comment(string text) => "\"" + text.Replace('\r', ' ').Replace('\n', ' ') + "\"";

    private static void Line(StringBuilder yaml, FormattableString text) => yaml.AppendLine(Invariant(text));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string UniqueId(HashSet<string> ids, string name)
    {
        var slug = new StringBuilder("learned-");
        foreach (var ch in name.ToLowerInvariant())
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

    /// <summary>An attribute with its binning and integer points per bin.</summary>
    internal sealed record Fitted(Characteristic Characteristic, int[] Scores, ScorecardAttribute Attribute);
}
