using Leadwise.Core.Metrics;
using Leadwise.Core.Outreach;

namespace Leadwise.Core.Scoring;

/// <summary>
/// What a scoring run found, gathered one lead at a time: the best leads, how many fall in each grade
/// and how often each grade replied, and how well the points rank repliers (ROC AUC over invited leads,
/// the only ones who could reply).
/// </summary>
public sealed class ScoreSummary(int topCount)
{
    private readonly PriorityQueue<(Lead Lead, LeadScore Score), double> _top = new();
    private readonly Dictionary<string, GradeTally> _grades = new(StringComparer.Ordinal);
    private readonly List<double> _invitedTotals = [];
    private readonly List<bool> _invitedReplied = [];

    public long Leads { get; private set; }

    public void Add(Lead lead, LeadScore score)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(score);
        Leads++;
        if (topCount > 0)
        {
            if (_top.Count < topCount)
            {
                _top.Enqueue((lead, score), score.Total);
            }
            else if (score.Total > _top.Peek().Score.Total)
            {
                _top.DequeueEnqueue((lead, score), score.Total);
            }
        }

        var invited = lead.InviteSentAt is not null;
        var replied = lead.Replied == true;
        var tally = _grades.TryGetValue(score.Grade, out var existing) ? existing : new GradeTally(score.Grade, 0, 0, 0);
        _grades[score.Grade] = tally.With(invited, replied);

        if (invited)
        {
            _invitedTotals.Add(score.Total);
            _invitedReplied.Add(replied);
        }
    }

    /// <summary>The highest-scoring leads, best first.</summary>
    public IReadOnlyList<(Lead Lead, LeadScore Score)> Top =>
        [.. _top.UnorderedItems.Select(item => item.Element).OrderByDescending(item => item.Score.Total).ThenBy(item => item.Lead.Id.Value)];

    /// <summary>Leads, invited leads and repliers per grade, in grade-name order (A first).</summary>
    public IReadOnlyList<GradeTally> Grades => [.. _grades.Values.OrderBy(g => g.Grade, StringComparer.Ordinal)];

    /// <summary>ROC AUC of total points against replied, over invited leads; NaN without both classes.</summary>
    public double ReplyAuc() => RocAuc.Compute([.. _invitedTotals], [.. _invitedReplied]);
}
