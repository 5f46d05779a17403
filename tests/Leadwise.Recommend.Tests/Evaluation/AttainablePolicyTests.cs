using Leadwise.Core.Outreach;
using Leadwise.Generator.Truth;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Evaluation;

/// <summary>
/// The attainable (Bayes) policy of the truth: each message's latent quality at its posterior given the logged sends,
/// on a planted set (leads drawn and replies simulated from the true model, one message with a large quality and many
/// sends) and against the generator's own spreads.
/// </summary>
public sealed class AttainablePolicyTests
{
    private const double PlantedQuality = 1.2;

    private static readonly TrueReplyModel Model = new(new TrueModelParameters());

    private static readonly MessageProfile Strong = Invite(1, PlantedQuality);
    private static readonly MessageProfile Sparse = Invite(2, 0.0);
    private static readonly MessageProfile Unsent = Invite(3, 0.5);

    [Fact]
    public void Should_recover_a_planted_quality_from_many_sends_within_the_posterior_sd_it_computes()
    {
        // Given: 4,000 sends of the strong message and 40 of another, replies drawn from the true hazard
        var logged = Simulate(Strong, 4_000, seed: 11).Concat(Simulate(Sparse, 40, seed: 12)).ToList();

        // When
        var policy = new AttainablePolicy(Model, logged);

        // Then: the strong message's posterior is narrow and centred on its quality, the sparse one's stays wide
        var strong = policy.Posterior(Strong.Key);
        Assert.Equal(4_000, strong.Rows);
        Assert.Equal(logged.Count(s => s.Message == Strong && s.Replied), strong.Replies);
        Assert.True(strong.StandardDeviation < LatentTraitSpreads.QualitySd / 4, $"posterior sd {strong.StandardDeviation} should be far below the prior's");
        Assert.InRange(strong.Mean, PlantedQuality - (3 * strong.StandardDeviation), PlantedQuality + (3 * strong.StandardDeviation));
        var sparse = policy.Posterior(Sparse.Key);
        Assert.Equal(40, sparse.Rows);
        Assert.InRange(sparse.StandardDeviation, strong.StandardDeviation * 2, LatentTraitSpreads.QualitySd);
        Assert.Equal(1.0, strong.Points.Sum(p => p.Weight), 1e-12);
    }

    [Fact]
    public void Should_keep_the_prior_for_a_message_never_sent_and_pick_the_planted_message()
    {
        // Given
        var policy = new AttainablePolicy(Model, Simulate(Strong, 4_000, seed: 11).Concat(Simulate(Sparse, 40, seed: 12)));
        var lead = new LeadProfile(Seniority.Manager, Industry.Software, Language.English, Gender.Female, Responsiveness: 0.0, IsSpam: false);

        // When: the strong message is listed last, so it cannot win a tie
        var choice = policy.BestSequence(lead, [[Unsent, Sparse, Strong]]);

        // Then: the never-sent message has the prior (mean 0, sd σ) although its real quality is 0.5
        var unsent = policy.Posterior(Unsent.Key);
        Assert.Equal(0, unsent.Rows);
        Assert.Equal(0.0, unsent.Mean, 1e-9);
        Assert.Equal(LatentTraitSpreads.QualitySd, unsent.StandardDeviation, 1e-3);
        Assert.Same(policy.Prior, unsent);
        Assert.Equal(Strong.Key, Assert.Single(choice.Messages).Key);
        Assert.Equal(policy.ExpectedReplyProbability(lead, [Strong]), choice.Probability, 1e-12);
        Assert.True(choice.Probability > policy.ExpectedReplyProbability(lead, [Unsent]));
    }

    [Fact]
    public void Should_start_an_unsent_message_from_its_wording_and_learn_only_the_latent_part_from_sends()
    {
        // Given a model whose latent quality spread is 0.15, a never-sent message whose wording is worth +0.6, one with no
        // wording effect, and a sent message whose quality is all wording (+0.4) with 4,000 sends
        var model = new TrueReplyModel(new TrueModelParameters { WordingScale = 1.0, LatentQualitySd = 0.15 });
        var worded = Invite(4, 0.6) with { Wording = 0.6 };
        var plain = Invite(5, 0.0);
        var sent = Invite(6, 0.4) with { Wording = 0.4 };
        var random = new Random(13);
        var logged = Enumerable.Range(0, 4_000).Select(_ =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var lead = new LeadProfile((Seniority)random.Next(5), (Industry)random.Next(7), Language.English, Gender.Male, LatentTraitSpreads.ResponsivenessSd * normal, IsSpam: false);
            return new ObservedStep(lead, sent, 0, random.NextDouble() < model.Hazard(lead, sent, 0));
        }).ToList();
        var lead = new LeadProfile(Seniority.Manager, Industry.Software, Language.English, Gender.Female, Responsiveness: 0.0, IsSpam: false);

        // When
        var policy = new AttainablePolicy(model, logged);

        // Then the prior is the model's latent spread, the sent message's latent part is near 0 (its wording explains it),
        // and the worded unsent message wins over the plain one although neither was ever sent
        Assert.Equal(0.15, policy.Prior.StandardDeviation, 1e-3);
        var posterior = policy.Posterior(sent.Key);
        Assert.InRange(posterior.Mean, -3 * posterior.StandardDeviation, 3 * posterior.StandardDeviation);
        Assert.Equal(worded.Key, Assert.Single(policy.BestSequence(lead, [[plain, worded]]).Messages).Key);
        Assert.True(policy.ExpectedReplyProbability(lead, [worded]) > policy.ExpectedReplyProbability(lead, [plain]) * 1.5);
    }

    [Fact]
    public void Should_read_a_follow_up_with_the_responsiveness_its_leads_earlier_silence_implies()
    {
        // Given 20,000 leads with a high reply rate at step 0, so that those who reach step 1 are the less responsive ones,
        // and a follow-up whose true quality is 0
        var model = new TrueReplyModel(new TrueModelParameters { Intercept = -1.0 });
        var opener = Invite(7, 0.0);
        var followUp = new MessageProfile(new MessageKey(new CampaignId(7), 1), new UserId(1), MessageChannel.Email, Language.English, IsLong: false, IsPersonalised: true, HasQuestion: true, HasLink: false, 0.0);
        var random = new Random(21);
        var logged = new List<ObservedStep>();
        for (var id = 0; id < 20_000; id++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var lead = new LeadProfile((Seniority)random.Next(5), (Industry)random.Next(7), Language.English, Gender.Male, LatentTraitSpreads.ResponsivenessSd * normal, IsSpam: false);
            var replied = random.NextDouble() < model.Hazard(lead, opener, 0);
            logged.Add(new ObservedStep(lead, opener, 0, replied, id));
            if (!replied)
            {
                logged.Add(new ObservedStep(lead, followUp, 1, random.NextDouble() < model.Hazard(lead, followUp, 1), id));
            }
        }

        // When the logs are read with each lead's history, without it (every send as from an average lead), and with the truth's responsiveness
        var withHistory = new AttainablePolicy(model, logged).Posterior(followUp.Key);
        var withoutHistory = new AttainablePolicy(model, logged.Select(step => step with { LeadId = null })).Posterior(followUp.Key);
        var knowing = new AttainablePolicy(model, logged, knowsLoggedResponsiveness: true).Posterior(followUp.Key);

        // Then the history-aware reading recovers the quality, as knowing every lead's responsiveness does, while reading
        // the silent leads as average ones blames the follow-up for their lower responsiveness
        Assert.InRange(withHistory.Mean, -3 * withHistory.StandardDeviation, 3 * withHistory.StandardDeviation);
        Assert.InRange(knowing.Mean, -3 * knowing.StandardDeviation, 3 * knowing.StandardDeviation);
        Assert.True(knowing.StandardDeviation < withHistory.StandardDeviation, "knowing each lead's responsiveness must be worth something");
        Assert.True(withoutHistory.Mean < withHistory.Mean - (2 * withHistory.StandardDeviation), $"without history {withoutHistory.Mean:F3}, with {withHistory.Mean:F3} ± {withHistory.StandardDeviation:F3}");
        Assert.Equal(1.0, withHistory.Points.Sum(p => p.Weight), 1e-9);
    }

    [Fact]
    public void The_priors_are_the_generators_spreads_of_message_quality_and_lead_responsiveness()
    {
        var generated = GeneratedOutreach.Get(20_000, 42);

        var qualities = generated.Export.MessageProfiles.Select(m => m.Quality).ToList();
        var responsiveness = generated.Truths.Values.Select(t => t.Profile.Responsiveness).ToList();

        // A normal sample's sd has standard error about σ/√(2(n − 1)): three of them either side.
        AssertSpread(qualities, LatentTraitSpreads.QualitySd);
        AssertSpread(responsiveness, LatentTraitSpreads.ResponsivenessSd);
    }

    private static void AssertSpread(IReadOnlyList<double> values, double sd)
    {
        var tolerance = 3 * sd / Math.Sqrt(2.0 * (values.Count - 1));
        Assert.True(Math.Abs(Sd(values) - sd) <= tolerance, $"sd {Sd(values)} of {values.Count} draws is not within {tolerance} of {sd}");
    }

    private static MessageProfile Invite(long campaign, double quality) =>
        new(new MessageKey(new CampaignId(campaign), 0), new UserId(1), MessageChannel.Email, Language.English, IsLong: false, IsPersonalised: true, HasQuestion: true, HasLink: false, quality);

    /// <summary>Leads drawn like the generator's (any seniority and industry, responsiveness ~ N(0, 0.6²)), each sent <paramref name="message"/> at step 0, replying with its true hazard.</summary>
    private static IEnumerable<ObservedStep> Simulate(MessageProfile message, int sends, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < sends; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var lead = new LeadProfile((Seniority)random.Next(5), (Industry)random.Next(7), Language.English, Gender.Male, LatentTraitSpreads.ResponsivenessSd * normal, IsSpam: false);
            yield return new ObservedStep(lead, message, 0, random.NextDouble() < Model.Hazard(lead, message, 0));
        }
    }

    private static double Sd(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
