using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;

namespace Leadwise.Testing.Scoring;

/// <summary>A lead score with valid defaults (lead 1, grade C, no hits, as of <see cref="TestTime.Base"/>); subtotals follow the hits.</summary>
public sealed class LeadScoreBuilder
{
    private readonly List<RuleHit> _hits = [];
    private LeadId _leadId = new(1);
    private string _grade = "C";
    private DateTimeOffset _asOf = TestTime.Base;

    public LeadScoreBuilder OfLead(long leadId)
    {
        _leadId = new LeadId(leadId);
        return this;
    }

    public LeadScoreBuilder Graded(string grade)
    {
        _grade = grade;
        return this;
    }

    public LeadScoreBuilder AsOf(DateTimeOffset asOf)
    {
        _asOf = asOf;
        return this;
    }

    public LeadScoreBuilder WithHit(string ruleId, ScoringModel model, double points, string reason, double? rawPoints = null)
    {
        _hits.Add(new RuleHit(ruleId, model, points, reason) { RawPoints = rawPoints ?? points });
        return this;
    }

    public LeadScore Build()
    {
        var subtotals = new Dictionary<ScoringModel, double>();
        foreach (var hit in _hits)
        {
            subtotals[hit.Model] = subtotals.GetValueOrDefault(hit.Model) + hit.Points;
        }

        return new LeadScore(_leadId, subtotals.Values.Sum(), _grade, subtotals, [.. _hits], _asOf);
    }
}
