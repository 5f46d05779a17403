using Leadwise.Core.Engagement;
using Leadwise.Core.Metrics;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Reports;

/// <summary>
/// How well a rules file ranks leads before anyone has contacted them, which is when the ranking is
/// used: each invited lead is scored as of its invite, events after that are unseen, and the rules
/// that read the outcome itself (the reply, the invite being accepted, how many steps were sent) are
/// left out, so no rule sees what it is meant to predict. Scoring at any later moment would let a
/// reply score its own lead and flatter the result.
/// </summary>
public sealed record RankingEvaluation(
    int Leads,
    int Converted,
    double Auc,
    IReadOnlyList<GradeTally> Grades,
    IReadOnlyList<string> RulesLeftOut)
{
    /// <summary>Fields known only once the outreach has run.</summary>
    public static readonly IReadOnlySet<string> OutcomeFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "replied", "inviteAccepted", "stepsSent", "skip", "skipReason", "inviteAttempts",
    };

    /// <summary>Events that are the outcome, not a signal of it.</summary>
    public static readonly IReadOnlySet<string> OutcomeEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        EventTypes.EmailReply, EventTypes.LinkedInInviteAccepted,
    };

    public static RankingEvaluation Build(ScoringRules rules, IReadOnlyList<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(leads);
        var leftOut = rules.Rules.Where(ReadsOutcome).Select(rule => rule.Id).ToList();
        var engine = new ScoringEngine(BeforeContact(rules));

        var totals = new List<double>();
        var labels = new List<bool>();
        var grades = new Dictionary<string, GradeTally>(StringComparer.Ordinal);
        foreach (var facts in leads)
        {
            if (facts.Lead.InviteSentAt is not { } invited)
            {
                continue;
            }

            var total = engine.Total(facts, invited);
            var replied = facts.Lead.Replied == true;
            totals.Add(total);
            labels.Add(replied);
            var grade = engine.Grades.Of(total);
            var tally = grades.GetValueOrDefault(grade) ?? new GradeTally(grade, 0, 0, 0);
            grades[grade] = tally.With(invited: true, replied);
        }

        return new RankingEvaluation(
            totals.Count,
            labels.Count(label => label),
            RocAuc.Compute([.. totals], [.. labels]),
            [.. grades.Values.OrderBy(g => g.Grade, StringComparer.Ordinal)],
            leftOut);
    }

    /// <summary>Each invited lead's point total as of its invite, with the outcome-reading rules left out (as <see cref="Build"/> scores them).</summary>
    public static IReadOnlyDictionary<LeadId, double> TotalsBeforeContact(ScoringRules rules, IEnumerable<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(leads);
        var engine = new ScoringEngine(BeforeContact(rules));
        var totals = new Dictionary<LeadId, double>();
        foreach (var facts in leads)
        {
            if (facts.Lead.InviteSentAt is { } invited)
            {
                totals[facts.Lead.Id] = engine.Total(facts, invited);
            }
        }

        return totals;
    }

    /// <summary>
    /// The rules as they can score a lead before contact: those reading the outcome (<see cref="OutcomeFields"/>,
    /// <see cref="OutcomeEvents"/>) left out. The baseline here and the conversion model's point-subtotal features both score with these.
    /// </summary>
    public static ScoringRules BeforeContact(ScoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules with { Rules = [.. rules.Rules.Where(rule => !ReadsOutcome(rule))] };
    }

    private static bool ReadsOutcome(ScoringRule rule) => rule.Condition switch
    {
        FieldCondition field => OutcomeFields.Contains(field.Field),
        EventCondition engagement => OutcomeEvents.Contains(engagement.EventType),
        _ => false,
    };
}
