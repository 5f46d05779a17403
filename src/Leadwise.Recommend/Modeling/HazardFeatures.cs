using System.Runtime.CompilerServices;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// The feature vector of one (lead, message, step): the lead's features as predictive scoring encodes them
/// (<see cref="LeadFeatureEncoder"/>, without its own campaign's messages), the message's traits (language, length,
/// personalisation, question, link, salutation placeholder), the step (one-hot and number) and the planned interval,
/// and explicit lead × message interactions (language match, seniority × length band) so that logistic regression can
/// express what trees find by themselves. With a <see cref="MessageTextEncoder"/>, the message's text vector follows, and
/// with the components reader its product with the lead's German-speaking flag (the language is the lead × wording interaction
/// the data shows most; the sentence reader has none: a sentence is in one language already, and the copies were fitted to
/// noise, 81 % against 90 % of the oracle's gain on 60k worded leads). Length enters as word-count bands rather than only
/// <see cref="MessageTraits.Long"/>'s 60-word cut: where "long" starts for readers is for the data to say (in the
/// generated data long messages start near 30 words).
/// </summary>
internal sealed class HazardFeatures
{
    public const int Steps = 6;

    /// <summary>Lower bounds of the word-count bands (the first band starts at 0).</summary>
    private static readonly int[] WordBands = [15, 25, 35, 50, 70];

    private readonly int _leadGerman;
    private readonly int[] _seniority;
    private readonly int _leadWidth;

    /// <summary>Whether the text vector is followed by its product with the lead's German-speaking flag (the components reader only).</summary>
    private readonly bool _textByLanguage;

    /// <summary>Each message's traits as feature values, read once per message object (every lead of a batch shares them).</summary>
    private readonly ConditionalWeakTable<Message, MessageFeatures> _messages = [];

    public HazardFeatures(LeadFeatureEncoder encoder, MessageTextEncoder? text = null)
    {
        Encoder = encoder;
        Text = text;
        var leadNames = encoder.FeatureNames;
        _leadWidth = leadNames.Count;
        _leadGerman = IndexOf(leadNames, "leadGermanSpeaking");
        _seniority = [.. Enumerable.Range(0, leadNames.Count).Where(i => leadNames[i].StartsWith("seniority=", StringComparison.Ordinal))];
        var names = new List<string>(leadNames);
        names.AddRange(["msg.german", "msg.log2Words", "msg.long", "msg.personalised", "msg.question", "msg.link", "msg.salutation"]);
        names.AddRange(Enumerable.Range(0, Steps).Select(step => "step=" + step.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        names.AddRange(["step", "intervalDays", "leadGerman×msgGerman", "leadEnglish×msgGerman", "leadGerman×msgEnglish"]);
        var bands = Enumerable.Range(0, WordBands.Length + 1).Select(band => "msg.wordBand=" + band.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        names.AddRange(bands);
        names.AddRange(_seniority.SelectMany(i => bands.Select(band => leadNames[i] + "×" + band)));
        if (text is not null)
        {
            names.AddRange(text.FeatureNames("msg.text"));
            _textByLanguage = text.Reader == MessageTextReader.Components;
            if (_textByLanguage)
            {
                names.AddRange(text.FeatureNames("leadGerman×msg.text"));
            }
        }

        FeatureNames = names;
    }

    public LeadFeatureEncoder Encoder { get; }

    /// <summary>The message text's encoder; null when the model does not read the text.</summary>
    public MessageTextEncoder? Text { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>How many of the features are the lead's own (they come first, as <see cref="Lead"/> encodes them).</summary>
    public int LeadWidth => _leadWidth;

    public float[] Lead(PreContactFacts lead) => Encoder.Encode(lead);

    public float[] Encode(float[] lead, Message message, int step)
    {
        var features = new float[FeatureNames.Count];
        Array.Copy(lead, features, _leadWidth);
        EncodeMessage(lead, message, step, features.AsSpan(_leadWidth));
        return features;
    }

    /// <summary>
    /// Writes everything after the lead's own features — the message's traits, the step, the interval and the lead ×
    /// message interactions — into <paramref name="tail"/> (<see cref="FeatureNames"/>.Count − <see cref="LeadWidth"/>
    /// long, overwritten whole), so that a batch can encode each lead once and reuse one buffer for its rows.
    /// </summary>
    public void EncodeMessage(ReadOnlySpan<float> lead, Message message, int step, Span<float> tail)
    {
        var traits = _messages.GetValue(message, MessageFeatures.Of);
        tail.Clear();
        var i = 0;
        tail[i++] = traits.German;
        tail[i++] = traits.Log2Words;
        tail[i++] = traits.Long;
        tail[i++] = traits.Personalised;
        tail[i++] = traits.Question;
        tail[i++] = traits.Link;
        tail[i++] = traits.Salutation;
        tail[i + Math.Min(step, Steps - 1)] = 1;
        i += Steps;
        tail[i++] = step;
        tail[i++] = step == 0 ? float.NaN : traits.IntervalDays;
        var leadGerman = lead[_leadGerman];
        tail[i++] = leadGerman * traits.German;
        tail[i++] = (1 - leadGerman) * traits.German;
        tail[i++] = leadGerman * (1 - traits.German);
        var band = traits.Band;
        tail[i + band] = 1;
        i += WordBands.Length + 1;
        foreach (var slot in _seniority)
        {
            tail[i + band] = lead[slot];
            i += WordBands.Length + 1;
        }

        if (Text is not null)
        {
            var vector = Text.Vector(message);
            for (var j = 0; j < vector.Length; j++)
            {
                tail[i + j] = vector[j];
                if (_textByLanguage)
                {
                    tail[i + vector.Length + j] = leadGerman * vector[j];
                }
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The lead encoder has no feature '{name}'.");
    }

    private sealed record MessageFeatures(float German, float Log2Words, float Long, float Personalised, float Question, float Link, float Salutation, float IntervalDays, int Band)
    {
        public static MessageFeatures Of(Message message)
        {
            var traits = MessageTraits.Of(message);
            return new MessageFeatures(
                traits.German ? 1f : 0f,
                (float)Math.Log2(1 + traits.Words),
                traits.Long ? 1f : 0f,
                traits.Personalised ? 1 : 0,
                traits.Question ? 1 : 0,
                traits.Link ? 1 : 0,
                (message.Content ?? string.Empty).Contains("salutation", StringComparison.OrdinalIgnoreCase) ? 1 : 0,
                (float)(message.IntervalDays ?? double.NaN),
                WordBands.Count(bound => traits.Words >= bound));
        }
    }
}
