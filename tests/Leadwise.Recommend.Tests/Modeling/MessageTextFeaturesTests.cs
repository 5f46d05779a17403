using System.IO.Compression;
using System.Text.Json.Nodes;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Messages;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Tests.Support;
using Leadwise.Testing.Outreach;
using Xunit.Abstractions;

namespace Leadwise.Recommend.Tests.Modeling;

/// <summary>The message text itself as features of the hazard model, on a set whose only reply effect is a phrase (<see cref="PlantedTextOutreach"/>).</summary>
public sealed class MessageTextFeaturesTests(ITestOutputHelper output)
{
    private static readonly Campaign Campaign = new CampaignBuilder().WithId(9_001).OfType("OutreachEmail").Build();

    /// <summary>Drafts filled with a word none of the training notes used, so neither is a training message.</summary>
    private static readonly string DraftWithPhrase = PlantedTextOutreach.Note(withPhrase: true, "agency");
    private static readonly string DraftWithout = PlantedTextOutreach.Note(withPhrase: false, "agency");

    private static readonly Lazy<HazardModel> WithText = new(() => HazardModel.Train(PlantedTextOutreach.Data(), new HazardModelOptions { Seed = 4, Folds = 3, TextFeatures = true }));

    private static readonly Lazy<HazardModel> WithComponents = new(() => HazardModel.Train(PlantedTextOutreach.Data(), new HazardModelOptions { Seed = 4, Folds = 3, TextFeatures = true, TextReader = MessageTextReader.Components }));

    private static HazardModel Model(MessageTextReader reader) => reader == MessageTextReader.Sentences ? WithText.Value : WithComponents.Value;

    [Fact]
    public void Planted_notes_differ_only_in_wording()
    {
        var traits = PlantedTextOutreach.Messages.Concat([Draft(DraftWithPhrase), Draft(DraftWithout)]).Select(MessageTraits.Of).Distinct().ToList();

        Assert.Single(traits);
        Assert.Equal(10, PlantedTextOutreach.Messages.Count(PlantedTextOutreach.HasPhrase));
    }

    [Theory]
    [InlineData(MessageTextReader.Sentences)]
    [InlineData(MessageTextReader.Components)]
    public void A_draft_with_the_replied_phrase_scores_above_one_without_it_only_with_text_features(MessageTextReader reader)
    {
        // Given the planted set, a model reading the text and one reading only the traits
        var data = PlantedTextOutreach.Data();
        var leads = PlantedTextOutreach.Leads(data);
        var withoutText = HazardModel.Train(data, new HazardModelOptions { Seed = 4, Folds = 3, TextFeatures = false });

        // When both score the two drafts on the same leads
        DraftScore Score(HazardModel model, string text) => DraftScoring.Score(model, Campaign, [PlantedTextOutreach.Messages[0]], leads, 0, text);
        var phrase = Score(Model(reader), DraftWithPhrase);
        var control = Score(Model(reader), DraftWithout);
        var phraseTraitsOnly = Score(withoutText, DraftWithPhrase);
        var controlTraitsOnly = Score(withoutText, DraftWithout);
        output.WriteLine($"with text ({Model(reader).TextDimensions} dimensions, {Model(reader).Report.Hazard.Chosen}): {phrase.DraftHazard:P2} vs {control.DraftHazard:P2}; traits only: {phraseTraitsOnly.DraftHazard:P2} vs {controlTraitsOnly.DraftHazard:P2}");

        // Then the text model sees the phrase (the truth: 16 % against 6 %), the traits-only model cannot tell them apart
        Assert.InRange(Model(reader).TextDimensions, 1, 8);
        Assert.Equal(reader, Model(reader).Report.TextReader);
        Assert.Contains("msg.text0", Model(reader).FeatureNames);
        Assert.DoesNotContain(withoutText.FeatureNames, name => name.Contains("msg.text", StringComparison.Ordinal));
        Assert.True(phrase.DraftHazard > control.DraftHazard + 0.04, $"with the phrase {phrase.DraftHazard:P2}, without {control.DraftHazard:P2}");
        Assert.True(phrase.DraftHazard > 0.10 && control.DraftHazard < 0.10, $"with the phrase {phrase.DraftHazard:P2}, without {control.DraftHazard:P2}");
        Assert.Equal(controlTraitsOnly.DraftHazard, phraseTraitsOnly.DraftHazard, precision: 12);
    }

    [Fact]
    public void Saved_and_loaded_text_model_predicts_the_same_for_training_messages_and_new_drafts()
    {
        var data = PlantedTextOutreach.Data();
        var leads = PlantedTextOutreach.Leads(data).Take(50).ToList();
        using var buffer = new MemoryStream();
        WithText.Value.Save(buffer);
        buffer.Position = 0;

        var loaded = HazardModel.Load(buffer);

        // Fresh message objects, so the loaded model encodes their text itself rather than finding it cached.
        var requests = PlantedTextOutreach.Messages.Select(m => m with { })
            .Concat([Draft(DraftWithPhrase), Draft(DraftWithout)])
            .Select(m => (m, 0)).ToList();
        foreach (var lead in leads)
        {
            Assert.Equal(WithText.Value.Hazards(lead, requests), loaded.Hazards(lead, requests));
        }

        Assert.Equal(WithText.Value.TextDimensions, loaded.TextDimensions);
        Assert.Equal(WithText.Value.FeatureNames, loaded.FeatureNames);
        Assert.Equal(
            DraftScoring.Score(WithText.Value, Campaign, [PlantedTextOutreach.Messages[0]], leads, 0, DraftWithPhrase).DraftHazard,
            DraftScoring.Score(loaded, Campaign, [PlantedTextOutreach.Messages[0]], leads, 0, DraftWithPhrase).DraftHazard);
    }

    [Fact]
    public void The_featuriser_is_fitted_on_the_messages_the_training_rows_sent_only()
    {
        // Given a message of the campaigns that no training row sent, with words no sent message uses
        var unsent = new Message { CampaignId = new CampaignId(9_999), Order = 0, Type = "OutreachEmail", Content = "Zorblax quintessa vorpal brillig, frabjous {{ first_name }} callooh." };
        var data = PlantedTextOutreach.Data(unsent);

        // When a model is trained with it among the messages
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 4, Folds = 3, TextFeatures = true });

        // Then it predicts exactly as the model trained without it, and its words carry no weight
        var leads = PlantedTextOutreach.Leads(data).Take(50).ToList();
        var requests = PlantedTextOutreach.Messages.Concat([unsent, Draft(DraftWithPhrase)]).Select(m => (m, 0)).ToList();
        foreach (var lead in leads)
        {
            Assert.Equal(WithText.Value.Hazards(lead, requests), model.Hazards(lead, requests));
        }

        var encoder = MessageTextEncoder.Fit(PlantedTextOutreach.Messages.Select(m => m.Content), 8, 4)!;
        Assert.Equal(encoder.Vector(Draft("{{ first_name }}")), encoder.Vector(unsent with { }));
    }

    [Fact]
    public void The_sentence_reader_flags_the_sentences_enough_distinct_texts_share_whatever_the_placeholders_spelling()
    {
        // Given three texts sharing a salutation (spelt two ways) and an opener, two sharing a question, one its own line
        string[] texts =
        [
            "Hi {{ first_name }},\nThanks for connecting! Quick question: would a call help?\nBest,\nAnna",
            "Hi {first_name},\nThanks for connecting! Would a call help?\nCheers,\nBen",
            "Hi {{first_name}},\nThanks for connecting!  Here is our case study: https://example.com/case-study.\nBest,\nAnna",
            "Hi {{first_name}},\nThanks for connecting!  Here is our case study: https://example.com/case-study.\nBest,\nAnna",
        ];

        // When the reader is fitted with sentences that at least two of the distinct texts share
        var reader = MessageTextEncoder.FitSentences(texts, minimumTexts: 2)!;

        // Then a repeated text counts once, a sentence ends at a line or at a mark before a space (not inside the link),
        // and "Quick question: would a call help?" is not "Would a call help?"
        Assert.Equal(MessageTextReader.Sentences, reader.Reader);
        Assert.Equal(["Anna", "Best,", "Hi placeholder_first_name ,", "Thanks for connecting!"], reader.Sentences);
        Assert.Contains("Here is our case study: https://example.com/case-study.", MessageTextEncoder.SentencesOf(MessageTextEncoder.Normalise(texts[2])));
        var draft = new Message { CampaignId = new CampaignId(1), Order = 1, Content = "Hi {{ first_name }},\nThanks for connecting! Something new.\nBest,\nCarla" };
        Assert.Equal(reader.Sentences!.Select(s => s is "Anna" ? 0f : 1f), reader.Vector(draft));
        Assert.Null(MessageTextEncoder.FitSentences(["one text", "another text"], minimumTexts: 2));
    }

    [Fact]
    public void A_sentence_model_saves_its_sentences_instead_of_a_featurisation_and_reads_no_language_copy()
    {
        // Given the planted set's sentence model
        using var saved = new MemoryStream();
        WithText.Value.Save(saved);
        saved.Position = 0;

        // When its file is opened
        using var zip = new ZipArchive(saved, ZipArchiveMode.Read, leaveOpen: true);
        var card = JsonNode.Parse(zip.GetEntry("card.json")!.Open())!.AsObject();

        // Then the card lists the sentences (the planted phrase's among them), there is no ML.NET text entry, and the
        // text features have no product with the lead's language (that copy is the components reader's)
        Assert.Null(zip.GetEntry("text.zip"));
        var sentences = card["TextSentences"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(WithText.Value.TextDimensions, sentences.Count);
        Assert.Contains(sentences, s => s.Contains(PlantedTextOutreach.Phrase, StringComparison.Ordinal));
        Assert.DoesNotContain(WithText.Value.FeatureNames, n => n.StartsWith("leadGerman×msg.text", StringComparison.Ordinal));
        Assert.Contains(WithComponents.Value.FeatureNames, n => n.StartsWith("leadGerman×msg.text", StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_in_either_spelling_are_one_token()
    {
        Assert.Equal(" placeholder_first_name , hi", MessageTextEncoder.Normalise("{{ first_name }}, hi"));
        Assert.Equal(MessageTextEncoder.Normalise("Hi {{first_name}}"), MessageTextEncoder.Normalise("Hi {first_name}"));
        Assert.Equal(MessageTextEncoder.Normalise("Hi {{ First_Name }}"), MessageTextEncoder.Normalise("Hi {first_name}"));
    }

    [Fact]
    public void A_model_saved_without_text_features_as_before_them_loads_and_predicts_as_it_did()
    {
        // Given a traits-only model saved the way models were before text features (no text entry, no dimensions in the card)
        var data = PlantedTextOutreach.Data();
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 4, Folds = 3, TextFeatures = false });
        using var saved = new MemoryStream();
        model.Save(saved);
        var old = Rewrite(saved, card => card.Remove("TextDimensions"), dropText: false);

        // When it is loaded
        var loaded = HazardModel.Load(old);

        // Then it reads no text and predicts the same
        var requests = PlantedTextOutreach.Messages.Concat([Draft(DraftWithPhrase)]).Select(m => (m, 0)).ToList();
        var lead = PlantedTextOutreach.Leads(data)[0];
        Assert.Equal(0, loaded.TextDimensions);
        Assert.Equal(model.Hazards(lead, requests), loaded.Hazards(lead, requests));
    }

    [Fact]
    public void A_text_model_file_without_its_text_featurisation_is_refused_with_a_clear_message()
    {
        using var saved = new MemoryStream();
        WithComponents.Value.Save(saved);
        var broken = Rewrite(saved, _ => { }, dropText: true);

        var error = Assert.Throws<InvalidDataException>(() => HazardModel.Load(broken));

        Assert.Contains("text.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("reads message texts", error.Message, StringComparison.Ordinal);
    }

    private static Message Draft(string text) => new() { CampaignId = new CampaignId(9_001), Order = 0, Type = "OutreachEmail", Content = text };

    /// <summary>A copy of a saved model with its card edited and, optionally, without its text entry.</summary>
    private static MemoryStream Rewrite(MemoryStream saved, Action<JsonObject> editCard, bool dropText)
    {
        saved.Position = 0;
        var copy = new MemoryStream();
        using (var source = new ZipArchive(saved, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => !(dropText && e.FullName == "text.zip")))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "card.json")
                {
                    var card = JsonNode.Parse(from)!.AsObject();
                    editCard(card);
                    using var writer = new System.Text.Json.Utf8JsonWriter(to);
                    card.WriteTo(writer);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        copy.Position = 0;
        return copy;
    }
}
