using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Leadwise.Core.Outreach;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// The message text itself as a small dense vector: ML.NET's text featurisation (lower-cased, split into words, word
/// unigrams and bigrams counted, L2-normalised) projected onto the first principal components of the distinct training
/// messages. Placeholders (<c>{{ first_name }}</c>, <c>{first_name}</c>) become one token each, so "Hi {{ first_name }}"
/// and "Hi {first_name}" read alike and no lead's name enters the vocabulary.
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

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly ConditionalWeakTable<Message, float[]> _vectors = [];

    private MessageTextEncoder(MLContext ml, ITransformer transformer, int dimensions)
    {
        _ml = ml;
        _transformer = transformer;
        Dimensions = dimensions;
    }

    /// <summary>The length of every text vector.</summary>
    public int Dimensions { get; }

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

    /// <summary>The fitted transformer in ML.NET's own zip format.</summary>
    public byte[] ModelBytes()
    {
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

        var view = _ml.Data.LoadFromEnumerable(missing.Select(m => new MessageTextRow { Text = Normalise(m.Content) }));
        var vectors = _transformer.Transform(view).GetColumn<float[]>(VectorColumn).ToList();
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
}
