using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Model;

namespace Leadwise.Cli.Rendering;

/// <summary>What a model scoring run produced: leads per model grade and the not yet invited leads most likely to convert.</summary>
internal sealed class ModelScoreSummary(int version, GradeBands bands, int top)
{
    private readonly List<(Lead Lead, ModelScore Score)> _top = [];

    public int Version => version;

    public GradeBands Bands => bands;

    public SortedDictionary<string, long> Grades { get; } = new(StringComparer.Ordinal);

    public long Leads { get; private set; }

    /// <summary>Only leads still waiting for an invite: the list answers "who to contact next".</summary>
    public IReadOnlyList<(Lead Lead, ModelScore Score)> Top => _top;

    public void Add(Lead lead, ModelScore score)
    {
        Leads++;
        Grades[score.Grade] = Grades.GetValueOrDefault(score.Grade) + 1;
        if (top == 0 || lead.InviteSentAt is not null || (_top.Count == top && score.Probability <= _top[^1].Score.Probability))
        {
            return;
        }

        var at = _top.FindIndex(entry => entry.Score.Probability < score.Probability);
        _top.Insert(at < 0 ? _top.Count : at, (lead, score));
        if (_top.Count > top)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }
}
