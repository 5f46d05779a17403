using System.Globalization;
using Leadwise.Generator.Truth;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Tests.Support;
using Xunit.Abstractions;

namespace Leadwise.Recommend.Tests.Evaluation;

public sealed class PolicyEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void On_held_out_generated_leads_the_per_lead_policy_against_oracle_and_baselines()
    {
        var generated = GeneratedOutreach.Get(20_000, 42);

        var report = PolicyEvaluation.Run(generated.Leads, generated.Campaigns, generated.Messages, generated, new PolicyEvaluationOptions { Seed = 42 });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"20,000 generated leads (seed 42), split seed {report.Seed}: {report.TrainingLeads} training leads, {report.EvaluatedLeads} held-out leads evaluated ({report.LeadsWithInviteChoice} with a choice of invite); hazard {report.Model.Hazard.Chosen}, acceptance {report.Model.Acceptance?.Chosen}"));
        output.WriteLine("| policy | mean true reply rate | regret vs oracle | invite = oracle's | gain captured | distinct sequences |");
        foreach (var p in report.Policies)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Policy} | {p.MeanReplyProbability:P2} | {p.Regret * 100:F2} pp | {p.InviteMatchesOracle:P1} | {p.GainCaptured:P1} | {p.DistinctSequences} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gain against the truth without latent traits: Leadwise per lead {report.FeaturesOnlyGainCaptured(PolicyEvaluationReport.Leadwise):P1}, best single {report.FeaturesOnlyGainCaptured(PolicyEvaluationReport.BestSingle):P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"differs when the truth differs: {report.DiffersWhenTruthDiffers:P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gain against the attainable policy: Leadwise per lead {report.AttainableGainCaptured(PolicyEvaluationReport.Leadwise):P1}, truth without latent traits {report.AttainableGainCaptured(PolicyEvaluationReport.FeaturesOnly):P1}"));
        // The target (within 10 % of the oracle's gain over the logged policy) is not met: ~81 % on this split. The
        // oracle knows each message's latent quality; the truth without latent traits gains ~82 %, so what is left is
        // learning message quality from ~50 rows per message (docs/recommendation.md). What is met, held here:
        var leadwise = report[PolicyEvaluationReport.Leadwise];

        // The attainable policy learns each message's quality from its training rows with the true model known: above what
        // features alone reach, below the oracle, which knows the qualities exactly.
        var attainable = report[PolicyEvaluationReport.Attainable].MeanReplyProbability;
        Assert.InRange(attainable, report[PolicyEvaluationReport.FeaturesOnly].MeanReplyProbability, report[PolicyEvaluationReport.Oracle].MeanReplyProbability);
        Assert.True(report.EvaluatedLeads > 5_000);
        Assert.InRange(leadwise.GainCaptured, 0.75, 1.0);
        Assert.InRange(report.FeaturesOnlyGainCaptured(PolicyEvaluationReport.Leadwise), 0.95, 1.2);
        foreach (var baseline in new[] { PolicyEvaluationReport.Popularity, PolicyEvaluationReport.Svd, PolicyEvaluationReport.Logged, PolicyEvaluationReport.LeadwiseCampaign })
        {
            Assert.True(leadwise.MeanReplyProbability > report[baseline].MeanReplyProbability + 0.0008, $"Leadwise per lead should beat {baseline} by 0.08 pp");
        }

        // The margin over the truth-chosen best single sequence is small and moves between machines with the same seeds
        // (ML.NET's vectorised training sums in a machine-dependent order): 0.11 pp recorded in docs/recommendation.md,
        // 0.07 pp on an AVX2-only EPYC.
        Assert.True(leadwise.MeanReplyProbability > report[PolicyEvaluationReport.BestSingle].MeanReplyProbability + 0.0005, "Leadwise per lead should beat the best single sequence by 0.05 pp");

        Assert.True(leadwise.InviteMatchesOracle > 3 * report[PolicyEvaluationReport.Logged].InviteMatchesOracle);
        Assert.True(report.DiffersWhenTruthDiffers >= 0.9);
        Assert.True(leadwise.DistinctSequences > report[PolicyEvaluationReport.BestSingle].DistinctSequences * 2);
    }

    /// <summary>
    /// Where the wording carries most of a message's quality (docs/generator.md, "Wording"), the model that reads the
    /// recurring sentences learns each phrase's effect from every message using it (docs/recommendation.md).
    /// </summary>
    [Fact]
    public void On_60k_worded_leads_reading_the_sentences_captures_most_of_the_oracles_gain()
    {
        // Given 60k generated leads whose messages' quality is mostly their phrases' (scale 1, latent part 0.15)
        var generated = GeneratedOutreach.Get(60_000, 42, new TrueModelParameters { WordingScale = 1, LatentQualitySd = 0.15 });
        PolicyEvaluationReport Run(bool text) => PolicyEvaluation.Run(generated.Leads, generated.Campaigns, generated.Messages, generated,
            new PolicyEvaluationOptions { Seed = 42, Model = new HazardModelOptions { TextFeatures = text } });

        // When the recommendations are judged on held-out leads with and without the text
        var sentences = Run(text: true);
        var traits = Run(text: false);

        // Then the sentences lift the gain captured well above the traits alone, and close to the attainable policy
        var withText = sentences[PolicyEvaluationReport.Leadwise].GainCaptured;
        var withoutText = traits[PolicyEvaluationReport.Leadwise].GainCaptured;
        var attainable = sentences[PolicyEvaluationReport.Attainable].GainCaptured;
        var bestSingle = sentences[PolicyEvaluationReport.BestSingle].GainCaptured;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gain captured: sentences ({sentences.Model.TextDimensions} of them) {withText:P1}, traits only {withoutText:P1}, attainable {attainable:P1}, best single sequence {bestSingle:P1}"));
        Assert.Equal(MessageTextReader.Sentences, sentences.Model.TextReader);
        Assert.InRange(sentences.Model.TextDimensions, 20, 80);
        Assert.True(withText >= 0.86, $"with the sentences {withText:P1} of the oracle's gain");
        Assert.True(withText >= withoutText + 0.03, $"sentences {withText:P1} against traits only {withoutText:P1}");
        Assert.True(withText >= bestSingle + 0.05, $"sentences {withText:P1} against the best single sequence {bestSingle:P1}");
    }
}
