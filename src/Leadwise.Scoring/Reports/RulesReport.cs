using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;

namespace Leadwise.Scoring.Reports;

/// <summary>
/// The rules check: for a set of leads, how often each rule fires, and whether it fires more often for
/// converted leads (invited and replied) than for non-converted ones (invited, no reply). Leads never
/// invited count in <see cref="RuleCheck.Hits"/> but not in the rates.
/// </summary>
public sealed record RulesReport(int Leads, int Converted, int NonConverted, IReadOnlyList<RuleCheck> Rules)
{
    /// <summary>True for an invited lead that replied, false for an invited lead that did not, null if never invited.</summary>
    public static bool? Outcome(LeadFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Lead.InviteSentAt is null ? null : facts.Lead.Replied == true;
    }

    public static RulesReport Build(ScoringEngine engine, IReadOnlyList<LeadFacts> leads, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(leads);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in engine.Rules.Rules)
        {
            index[rule.Id] = index.Count;
        }

        var hits = new int[index.Count];
        var convertedHits = new int[index.Count];
        var nonConvertedHits = new int[index.Count];
        var converted = 0;
        var nonConverted = 0;
        var scores = engine.ScoreAll(leads, asOf);
        for (var i = 0; i < leads.Count; i++)
        {
            var outcome = Outcome(leads[i]);
            converted += outcome == true ? 1 : 0;
            nonConverted += outcome == false ? 1 : 0;
            foreach (var hit in scores[i].Hits)
            {
                if (!index.TryGetValue(hit.RuleId, out var r))
                {
                    continue; // a group-cap hit
                }

                hits[r]++;
                convertedHits[r] += outcome == true ? 1 : 0;
                nonConvertedHits[r] += outcome == false ? 1 : 0;
            }
        }

        var checks = engine.Rules.Rules.Select((rule, r) =>
        {
            var convertedRate = converted > 0 ? (double)convertedHits[r] / converted : 0;
            var nonConvertedRate = nonConverted > 0 ? (double)nonConvertedHits[r] / nonConverted : 0;
            return new RuleCheck(
                rule.Id,
                rule.Group,
                hits[r],
                convertedHits[r],
                nonConvertedHits[r],
                convertedRate,
                nonConvertedRate,
                RateInterval.Wilson(convertedHits[r], converted),
                RateInterval.Wilson(nonConvertedHits[r], nonConverted),
                convertedRate - nonConvertedRate,
                RateInterval.Newcombe(convertedHits[r], converted, nonConvertedHits[r], nonConverted));
        }).ToArray();
        return new RulesReport(leads.Count, converted, nonConverted, checks);
    }
}
