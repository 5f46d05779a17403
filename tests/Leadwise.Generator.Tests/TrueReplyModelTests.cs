using Leadwise.Core.Outreach;
using Leadwise.Generator.Simulation;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Tests;

public sealed class TrueReplyModelTests(GeneratedExportFixture fixture) : IClassFixture<GeneratedExportFixture>
{
    private static readonly TrueReplyModel Model = new(new TrueModelParameters());

    private static LeadProfile Lead(Seniority seniority = Seniority.Manager, Language language = Language.German, double responsiveness = 0.0, bool spam = false) =>
        new(seniority, Industry.Software, language, Gender.Female, responsiveness, spam);

    private static MessageProfile Message(int order = 0, MessageChannel channel = MessageChannel.LinkedInInvite, Language language = Language.German, bool isLong = false, bool personalised = false, double quality = 0.0) =>
        new(new MessageKey(new CampaignId(310_000_001), order), new UserId(480_000_001), channel, language, isLong, personalised, HasQuestion: false, HasLink: false, quality);

    [Fact]
    public void Hazard_is_strictly_between_zero_and_one_for_every_real_lead_message_and_step()
    {
        var messages = fixture.Export.MessageProfiles.Take(40).ToArray();
        foreach (var lead in fixture.Leads.Select(generated => generated.Truth.Profile).Where(profile => !profile.IsSpam).Take(2_000))
        {
            foreach (var message in messages)
            {
                for (var step = 0; step <= 6; step++)
                {
                    var hazard = Model.Hazard(lead, message, step);
                    Assert.True(hazard is > 0.0 and < 1.0, $"hazard {hazard}");
                }
            }
        }
    }

    [Fact]
    public void Spam_leads_have_zero_hazard_and_never_accept()
    {
        var spam = Lead(spam: true);
        Assert.Equal(0.0, Model.Hazard(spam, Message(), 0));
        Assert.Equal(0.0, Model.AcceptProbability(spam, Message()));
        Assert.Equal(0.0, Model.ReplyProbability(spam, [Message(), Message(1)]));
    }

    [Fact]
    public void Reply_probability_is_the_gate_times_one_minus_the_product_of_non_reply_hazards()
    {
        var lead = Lead(Seniority.Head, Language.English, responsiveness: 0.4);
        MessageProfile[] sequence = [Message(0, language: Language.English, personalised: true), Message(1, isLong: true), Message(2, quality: 0.5)];

        var expected = Model.AcceptProbability(lead, sequence[0])
            * (1 - ((1 - Model.Hazard(lead, sequence[0], 0)) * (1 - Model.Hazard(lead, sequence[1], 1)) * (1 - Model.Hazard(lead, sequence[2], 2))));

        Assert.Equal(expected, Model.ReplyProbability(lead, sequence), 15);
        Assert.Equal(0.0, Model.ReplyProbability(lead, []));
        var p = Model.Parameters;
        var logit = p.Intercept + p.StepEffects[1] + 0.4 + p.SeniorityEffects[3] + p.IndustryEffects[0] + p.EnglishLeadGermanMessage + p.LongMessage + (p.LongMessagePerSeniority * 1);
        Assert.Equal(1 / (1 + Math.Exp(-logit)), Model.Hazard(lead, sequence[1], 1), 15);
    }

    [Fact]
    public void Ungated_channels_skip_the_acceptance_gate()
    {
        var lead = Lead();
        Assert.Equal(1.0, Model.AcceptProbability(lead, Message(channel: MessageChannel.Email)));
        Assert.Equal(1.0, Model.AcceptProbability(lead, Message(channel: MessageChannel.LinkedInExisting)));
        Assert.InRange(Model.AcceptProbability(lead, Message(channel: MessageChannel.LinkedInInvite)), 0.05, 0.6);
    }

    [Theory]
    [InlineData(Seniority.Executive, Language.German, 0.8, MessageChannel.LinkedInInvite)]
    [InlineData(Seniority.Student, Language.English, -0.5, MessageChannel.LinkedInInvite)]
    [InlineData(Seniority.Manager, Language.German, 0.0, MessageChannel.Email)]
    public void Reply_probability_matches_a_Monte_Carlo_run_of_the_simulator(Seniority seniority, Language language, double responsiveness, MessageChannel channel)
    {
        // Given a lead and a three-step sequence
        var lead = Lead(seniority, language, responsiveness);
        MessageProfile[] sequence = [Message(0, channel, personalised: true), Message(1, channel, Language.English, isLong: true), Message(2, channel, quality: 0.3)];
        var expected = Model.ReplyProbability(lead, sequence);

        // When the simulator draws 200k leads
        const int Draws = 200_000;
        var random = new StreamRandom(12345);
        var replied = 0;
        for (var i = 0; i < Draws; i++)
        {
            if (ReplySimulator.Simulate(Model, lead, sequence, sequence.Length, ref random).ReplyStep is not null)
            {
                replied++;
            }
        }

        // Then the reply rate agrees within 4.5 standard errors
        var standardError = Math.Sqrt(expected * (1 - expected) / Draws);
        Assert.InRange((double)replied / Draws, expected - (4.5 * standardError), expected + (4.5 * standardError));
    }

    [Fact]
    public void German_speakers_prefer_German_messages_and_English_speakers_English_ones()
    {
        Assert.True(Model.Hazard(Lead(language: Language.German), Message(language: Language.German), 1) > Model.Hazard(Lead(language: Language.German), Message(language: Language.English), 1));
        Assert.True(Model.Hazard(Lead(language: Language.English), Message(language: Language.English), 1) > Model.Hazard(Lead(language: Language.English), Message(language: Language.German), 1));
    }

    [Fact]
    public void Seniors_prefer_short_messages_and_juniors_long_ones_and_personalisation_helps()
    {
        var senior = Lead(Seniority.Executive);
        var junior = Lead(Seniority.Student);
        Assert.True(Model.Hazard(senior, Message(1), 1) > Model.Hazard(senior, Message(1, isLong: true), 1) * 1.5);
        Assert.True(Model.Hazard(junior, Message(1, isLong: true), 1) > Model.Hazard(junior, Message(1), 1) * 1.5);
        Assert.True(Model.Hazard(senior, Message(1, personalised: true), 1) > Model.Hazard(senior, Message(1), 1));
    }

    [Fact]
    public void Features_only_best_sequence_ignores_latent_quality_reads_the_wording_and_returns_the_candidates_themselves()
    {
        // Given two invites whose traits are equal: one better by its latent quality, one by its wording
        var latent = Message(quality: 0.8) with { Key = new(new CampaignId(1), 0) };
        var worded = Message(quality: 0.3) with { Key = new(new CampaignId(2), 0), Wording = 0.3 };
        var followUp = Message(order: 1, quality: -0.5) with { Key = new(new CampaignId(1), 1) };

        // When
        var choice = Model.FeaturesOnlyBestSequence(Lead(), [[latent, worded], [followUp]]);

        // Then the wording wins (the latent quality is invisible), the messages come back as given, and the value is the
        // expectation over the responsiveness with each quality at its wording
        Assert.Equal([worded, followUp], choice.Messages);
        var atWording = new[] { worded with { Quality = 0.3 }, followUp with { Quality = 0.0 } };
        var expected = TrueReplyModel.StandardNormal.Sum(n => n.Weight * Model.ReplyProbability(Lead(responsiveness: Model.Parameters.ResponsivenessSd * n.Node), atWording));
        Assert.Equal(expected, choice.Probability, 12);
        Assert.Equal(latent.Key, Model.BestSequence(Lead(), [[latent, worded], [followUp]]).Messages[0].Key);
    }

    [Fact]
    public void Best_sequence_is_the_maximum_over_every_possible_sequence()
    {
        // Given an account's real choice set and some of its leads
        var account = fixture.Export.Campaigns
            .Where(campaign => campaign.Type == "OutreachSalesNav")
            .GroupBy(campaign => campaign.UserId)
            .OrderByDescending(group => group.Count())
            .First().Key;
        var candidates = fixture.Export.Candidates(account, MessageChannel.LinkedInInvite).Take(3).ToArray();
        var leads = fixture.Leads.Where(generated => generated.Lead.UserId == account).Select(generated => generated.Truth.Profile).Take(50);

        foreach (var lead in leads)
        {
            // When the best sequence is chosen
            var best = Model.BestSequence(lead, candidates);

            // Then no sequence over the same choice set does better
            var bruteForce = candidates[0]
                .SelectMany(m0 => candidates[1].SelectMany(m1 => candidates[2].Select(m2 => Model.ReplyProbability(lead, [m0, m1, m2]))))
                .Max();
            Assert.Equal(bruteForce, best.Probability, 12);
            Assert.Equal(3, best.Messages.Count);
        }
    }
}
