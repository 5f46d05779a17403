using Leadwise.Core.Scoring;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// One attribute of a scorecard, cut into bins that a points rule can test: it decides its bins from training
/// leads, puts any lead in exactly one bin, and writes the rules that give each bin its points. The bin
/// <see cref="Reference"/> scores 0 and needs no rule, so "every other value" is expressible.
/// </summary>
internal abstract class Characteristic(string name, ScoringModel group)
{
    public string Name => name;

    public ScoringModel Group => group;

    /// <summary>Bin labels, valid after <see cref="Prepare"/>.</summary>
    public abstract IReadOnlyList<string> Labels { get; }

    /// <summary>The bin that scores 0.</summary>
    public abstract int Reference { get; }

    public abstract void Prepare(IReadOnlyList<(LeadFacts Facts, DateTimeOffset AsOf)> training, ScorecardOptions options);

    public abstract int BinOf(LeadFacts facts, DateTimeOffset asOf);

    /// <summary>Integer points per bin (the reference's 0) from unrounded points relative to the reference: what the rules will give.</summary>
    public virtual int[] Scores(IReadOnlyList<double> relativePoints) =>
        [.. relativePoints.Select(p => (int)Math.Round(p, MidpointRounding.AwayFromZero))];

    /// <summary>The rules that give every lead its bin's score: (id suffix, YAML condition lines, points, the bin the comment describes).</summary>
    public abstract IEnumerable<LearnedRule> Rules(IReadOnlyList<int> scores);
}

/// <summary>A rule a characteristic writes: <see cref="Condition"/> is the YAML after <c>group:</c> (field or event and its test).</summary>
internal sealed record LearnedRule(string IdSuffix, IReadOnlyList<string> Condition, int Points, int Bin);
