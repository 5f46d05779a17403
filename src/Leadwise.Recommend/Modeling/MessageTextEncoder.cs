using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Leadwise.Core.Outreach;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// The message text itself as a vector, read one of two ways (<see cref="MessageTextReader"/>).
/// <para>
/// Sentences (<see cref="FitSentences"/>): one flag per sentence (a line, or the part of one up to a full stop, question
/// or exclamation mark) that at least a minimum number of distinct training texts contain. Outreach texts are assembled
/// from reusable phrases, so a phrase's effect is learned from every message that uses it and carries over to a new
/// message built from them, while a sentence fewer texts share (one campaign's own line) stays out. Placeholders are
/// normalised first (below), so "Hi {{ first_name }}," recurs whatever the lead.
/// </para>
/// <para>
/// Components (<see cref="Fit"/>): ML.NET's text featurisation (lower-cased, split into words, word
/// unigrams and bigrams counted, L2-normalised) projected onto the first principal components of the distinct training
/// messages. Placeholders (<c>{{ first_name }}</c>, <c>{first_name}</c>) become one token each, so "Hi {{ first_name }}"
/// and "Hi {first_name}" read alike and no lead's name enters the vocabulary.
/// </para>
/// <para>
/// Each distinct training text counts once in the fit, so the components describe how the wordings differ, not which
/// messages were sent most. A text is encoded once per <see cref="Message"/> object (cached beside it, as
/// <see cref="Learning.Features.MessageTraits"/> is), never per row; words the training messages never used carry no weight.
/// </para>
/// </summary>
internal sealed partial class MessageTextEncoder
{
    private const string TextColumn = "Text";
    private const string VectorColumn = "TextVector";

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', '!', '?', ':', ';', '(', ')', '"', '…', '–', '-', '/'];

    private readonly MLContext? _ml;
    private readonly ITransformer? _transformer;
    private readonly FrozenDictionary<string, int>? _sentenceSlots;
    private readonly ConditionalWeakTable<Message, float[]> _vectors = [];

    private MessageTextEncoder(MLContext ml, ITransformer transformer, int dimensions)
    {
        _ml = ml;
        _transformer = transformer;
        Dimensions = dimensions;
    }

    private MessageTextEncoder(IReadOnlyList<string> sentences)
    {
        Sentences = sentences;
        _sentenceSlots = sentences.Select((sentence, i) => (sentence, i)).ToFrozenDictionary(p => p.sentence, p => p.i, StringComparer.Ordinal);
        Dimensions = sentences.Count;
    }

    /// <summary>The length of every text vector.</summary>
    public int Dimensions { get; }

    public MessageTextReader Reader => Sentences is null ? MessageTextReader.Components : MessageTextReader.Sentences;

    /// <summary>With the sentence reader, the sentences flagged, in vector order (what <see cref="RestoreSentences"/> needs); null otherwise.</summary>
    public IReadOnlyList<string>? Sentences { get; }

    /// <summary>
    /// The sentence reader fitted on the distinct <paramref name="texts"/>: the sentences at least <paramref name="minimumTexts"/>
    /// of them contain, in ordinal order; null when none recurs that often.
    /// </summary>
    public static MessageTextEncoder? FitSentences(IEnumerable<string?> texts, int minimumTexts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumTexts);
        var sentences = texts.Select(Normalise).Distinct(StringComparer.Ordinal)
            .SelectMany(text => SentencesOf(text).Distinct(StringComparer.Ordinal))
            .GroupBy(sentence => sentence, StringComparer.Ordinal)
            .Where(g => g.Count() >= minimumTexts)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return sentences.Count == 0 ? null : new MessageTextEncoder(sentences);
    }

    /// <summary>The sentence reader a saved model was trained with.</summary>
    public static MessageTextEncoder RestoreSentences(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return new MessageTextEncoder(sentences);
    }

    /// <summary>A normalised text's sentences: its lines, each cut after a full stop, question or exclamation mark that ends a word, trimmed.</summary>
    internal static IEnumerable<string> SentencesOf(string normalised) =>
        SentenceEnd().Split(normalised).Select(sentence => Whitespace().Replace(sentence, " ").Trim()).Where(sentence => sentence.Length > 0);

    /// <summary>
    /// Fits the featurisation and the projection on the distinct <paramref name="texts"/>; null when they are too few or
    /// too alike to span even one component (fewer than two distinct texts).
    /// </summary>
    public static MessageTextEncoder? Fit(IEnumerable<string?> texts, int dimensions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var distinct = texts.Select(Normalise).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
        {
            return null;
        }

        var ml = new MLContext(seed: seed);
        var view = ml.Data.LoadFromEnumerable(distinct.Select(text => new MessageTextRow { Text = text }));
        var featurised = Featurisation(ml).Fit(view);
        var vocabulary = ((VectorDataViewType)featurised.Transform(view).Schema["Ngrams"].Type).Size;
        // A projection needs fewer components than texts (their mean is taken out) and than n-grams.
        var rank = Math.Min(dimensions, Math.Min(distinct.Count - 1, vocabulary));
        if (rank < 1)
        {
            return null;
        }

        var pipeline = Featurisation(ml).Append(ml.Transforms.ProjectToPrincipalComponents(VectorColumn, "Ngrams", rank: rank, seed: seed));
        return new MessageTextEncoder(ml, pipeline.Fit(view), rank);
    }

    /// <summary>Reads a transformer <see cref="ModelBytes"/> wrote.</summary>
    public static MessageTextEncoder Restore(byte[] model, int dimensions)
    {
        var ml = new MLContext(seed: 0);
        using var buffer = new MemoryStream(model);
        var transformer = ml.Model.Load(buffer, out _);
        return new MessageTextEncoder(ml, transformer, dimensions);
    }

    /// <summary>The components reader's fitted transformer in ML.NET's own zip format; the sentence reader has none (its <see cref="Sentences"/> are all it keeps).</summary>
    public byte[] ModelBytes()
    {
        if (_ml is null || _transformer is null)
        {
            throw new InvalidOperationException("The sentence reader has no ML.NET transformer; save its Sentences.");
        }

        using var buffer = new MemoryStream();
        _ml.Model.Save(_transformer, _ml.Data.LoadFromEnumerable(Array.Empty<MessageTextRow>()).Schema, buffer);
        return buffer.ToArray();
    }

    /// <summary>The message's text vector (encoded on first use and kept with the message object).</summary>
    public float[] Vector(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_vectors.TryGetValue(message, out var vector))
        {
            return vector;
        }

        EnsureEncoded([message]);
        return _vectors.TryGetValue(message, out vector) ? vector : throw new InvalidOperationException("The text vector was not kept.");
    }

    /// <summary>Encodes, in one ML.NET pass, those of <paramref name="messages"/> not encoded yet.</summary>
    public void EnsureEncoded(IEnumerable<Message> messages)
    {
        var missing = messages.Distinct<Message>(ReferenceEqualityComparer.Instance).Where(m => !_vectors.TryGetValue(m, out _)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (_sentenceSlots is { } slots)
        {
            foreach (var message in missing)
            {
                var vector = new float[Dimensions];
                foreach (var sentence in SentencesOf(Normalise(message.Content)))
                {
                    if (slots.TryGetValue(sentence, out var slot))
                    {
                        vector[slot] = 1;
                    }
                }

                _vectors.AddOrUpdate(message, vector);
            }

            return;
        }

        var view = _ml!.Data.LoadFromEnumerable(missing.Select(m => new MessageTextRow { Text = Normalise(m.Content) }));
        var vectors = _transformer!.Transform(view).GetColumn<float[]>(VectorColumn).ToList();
        for (var i = 0; i < missing.Count; i++)
        {
            _vectors.AddOrUpdate(missing[i], vectors[i]);
        }
    }

    /// <summary>The names of the vector's features.</summary>
    public IEnumerable<string> FeatureNames(string prefix) =>
        Enumerable.Range(0, Dimensions).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>The text as the featurisation reads it: each placeholder one token ("placeholder_first_name").</summary>
    internal static string Normalise(string? content) =>
        Placeholder().Replace(content ?? string.Empty, match => " placeholder_" + match.Groups["name"].Value.ToLowerInvariant() + " ");

    private static IEstimator<ITransformer> Featurisation(MLContext ml) =>
        ml.Transforms.Text.NormalizeText("Normalised", TextColumn, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: true, keepPunctuations: true, keepNumbers: true)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "Normalised", Separators))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("Counts", "WordKeys", ngramLength: 2, useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.NormalizeLpNorm("Ngrams", "Counts"));

    [GeneratedRegex(@"\{\{?\s*(?<name>[A-Za-z_]+)\s*\}\}?", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    // A line break, or a sentence mark with whitespace after it (so a link such as example.com/case-study stays whole).
    [GeneratedRegex(@"\r?\n|(?<=[.!?])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
