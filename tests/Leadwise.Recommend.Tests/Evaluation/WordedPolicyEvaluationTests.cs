using System.Globalization;
using Leadwise.Generator.Truth;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Tests.Support;
using Xunit.Abstractions;

namespace Leadwise.Recommend.Tests.Evaluation;

/// <summary>
/// Where the wording carries most of a message's quality (generator option, docs/generator.md "Wording"), the sequence
/// model that reads the text's recurring sentences learns each phrase's effect from every message that uses it, and the
/// recommendations recover most of what the traits alone leave to the oracle (docs/recommendation.md, "If the wording
/// carried the quality").
/// </summary>
public sealed class WordedPolicyEvaluationTests(ITestOutputHelper output)
{
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
