using Leadwise.Core.Scoring;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// A yes/no attribute (a true/false field, or a title word): "no" is the reference and the rule tests "yes",
/// so a missing value scores like "no". With fewer than <see cref="ScorecardOptions.MinSupport"/> leads on either side
/// every lead reads "no", and the trainer drops the attribute: too few leads to weigh.
/// </summary>
internal sealed class FlagCharacteristic(string name, ScoringModel group, Func<LeadFacts, DateTimeOffset, bool> read, IReadOnlyList<string> yesCondition, string idSuffix)
    : Characteristic(name, group)
{
    private static readonly string[] NoYes = ["no", "yes"];

    public override IReadOnlyList<string> Labels => NoYes;

    public override int Reference => 0;

    private bool _enough;

    public override void Prepare(IReadOnlyList<(LeadFacts Facts, DateTimeOffset AsOf)> training, ScorecardOptions options)
    {
        var yes = training.Count(t => read(t.Facts, t.AsOf));
        _enough = yes >= options.MinSupport && training.Count - yes >= options.MinSupport;
    }

    public override int BinOf(LeadFacts facts, DateTimeOffset asOf) => _enough && read(facts, asOf) ? 1 : 0;

    public override IEnumerable<LearnedRule> Rules(IReadOnlyList<int> scores)
    {
        if (scores[1] != 0)
        {
            yield return new LearnedRule(idSuffix, yesCondition, scores[1], 1);
        }
    }
}
