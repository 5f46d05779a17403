using System.IO.Compression;
using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// The sequence model: a discrete-time hazard h(lead, message, step) = P(reply at the step | reachable, no reply
/// before, this message sent), and for gated (LinkedIn invite) campaigns the acceptance A(lead, invite) =
/// P(the invite is accepted). A lead's value of a sequence m₀…m_{n−1} is A(m₀)·(1 − Π_k (1 − h(m_k, k))), the same
/// form as the generator's true model. Both stages: LightGBM against logistic regression by grouped-by-lead
/// cross-validation, then Beta-prior shrinkage per message (<see cref="ModelStage"/>). <see cref="Save(Stream)"/> and
/// <see cref="Load(Stream)"/> round-trip it through one zip (a JSON card with the encoder state, the reports and the
/// shrinkage factors, plus each stage's ML.NET model and, with text features, the fitted text featurisation).
/// </summary>
public sealed class HazardModel
{
    private const string CardEntry = "card.json";
    private const string HazardEntry = "hazard.zip";
    private const string AcceptanceEntry = "acceptance.zip";
    private const string TextEntry = "text.zip";

    private readonly HazardFeatures _features;
    private readonly ModelStage _hazard;
    private readonly ModelStage? _acceptance;

    private HazardModel(HazardFeatures features, ModelStage hazard, ModelStage? acceptance)
    {
        _features = features;
        _hazard = hazard;
        _acceptance = acceptance;
        Report = new HazardModelReport(hazard.Report, acceptance?.Report, features.Text?.Dimensions ?? 0, features.Text?.Reader ?? MessageTextReader.Components);
    }

    public HazardModelReport Report { get; }

    public IReadOnlyList<string> FeatureNames => _features.FeatureNames;

    /// <summary>The length of the message text vector among the features; 0 when the model does not read the text.</summary>
    public int TextDimensions => _features.Text?.Dimensions ?? 0;

    /// <summary>Fits both stages on <paramref name="data"/> (build it with <see cref="HazardRows.Build"/>).</summary>
    /// <exception cref="Learning.Training.NotEnoughDataException">Fewer than 10 rows of either class in the hazard rows.</exception>
    public static HazardModel Train(HazardData data, HazardModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new HazardModelOptions();
        var features = new HazardFeatures(LeadFeatureEncoder.Fit(data.Leads.Values), options.TextFeatures ? FitText(data, options) : null);
        var leadVectors = new Dictionary<LeadId, float[]>();
        float[] Lead(LeadId id)
        {
            if (!leadVectors.TryGetValue(id, out var vector))
            {
                vector = features.Lead(data.Leads[id]);
                leadVectors[id] = vector;
            }

            return vector;
        }

        var width = features.FeatureNames.Count;
        features.Text?.EnsureEncoded(data.Hazards.Select(r => data.Messages[r.Message]).Concat(data.Acceptances.Select(r => data.Messages[r.Invite])));
        var hazardRows = data.Hazards
            .Select(r => new StageRow(r.LeadId, r.Message, r.Step, features.Encode(Lead(r.LeadId), data.Messages[r.Message], r.Step), r.Replied))
            .ToList();
        var hazard = ModelStage.Fit("reply hazard", hazardRows, width, options, cancellationToken);
        var acceptanceRows = data.Acceptances
            .Select(r => new StageRow(r.LeadId, r.Invite, 0, features.Encode(Lead(r.LeadId), data.Messages[r.Invite], 0), r.Accepted))
            .ToList();
        var acceptance = acceptanceRows.Count(r => r.Label) >= 10 && acceptanceRows.Count(r => !r.Label) >= 10
            ? ModelStage.Fit("invite acceptance", acceptanceRows, width, options, cancellationToken)
            : null;
        return new HazardModel(features, hazard, acceptance);
    }

    /// <summary>
    /// The text featurisation, fitted on the messages the training rows sent (not every message of the campaigns: a
    /// message only held-out leads received must not shape it).
    /// </summary>
    private static MessageTextEncoder? FitText(HazardData data, HazardModelOptions options)
    {
        var sent = data.Hazards.Select(r => r.Message).Concat(data.Acceptances.Select(r => r.Invite)).Distinct();
        var texts = sent.Select(key => data.Messages[key].Content);
        return options.TextReader == MessageTextReader.Sentences
            ? MessageTextEncoder.FitSentences(texts, options.MinimumSentenceTexts)
            : MessageTextEncoder.Fit(texts, options.TextDimensions, options.Seed);
    }

    /// <summary>P(<paramref name="lead"/> replies at <paramref name="step"/> to <paramref name="message"/> | reachable, no earlier reply), shrunk per message.</summary>
    public double Hazard(PreContactFacts lead, Message message, int step)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return Hazards(lead, [(message, step)])[0];
    }

    /// <summary>P(<paramref name="lead"/> accepts a connection request carrying <paramref name="invite"/>); 1 when no acceptance model could be fitted.</summary>
    public double Acceptance(PreContactFacts lead, Message invite)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(invite);
        return Acceptances(lead, [invite])[0];
    }

    /// <summary>
    /// How much more (above 1) or less (below 1) the message is replied to than the model predicts from its properties
    /// and the leads it reached — its shrunken observed/expected ratio — with the 95 % (by default) posterior interval;
    /// null for a message the training data never sent.
    /// </summary>
    public (double Factor, double Low, double High)? ReplyFactor(MessageKey message, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 1);
        return _hazard.FactorInterval(message, level);
    }

    /// <summary>The hazard of each (message, step) for one lead, in one batch.</summary>
    public double[] Hazards(PreContactFacts lead, IReadOnlyList<(Message Message, int Step)> candidates)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(candidates);
        return PredictHazards([.. candidates.Select(c => (lead, c.Message, c.Step))]);
    }

    /// <summary>The acceptance probability of each invite for one lead, in one batch.</summary>
    public double[] Acceptances(PreContactFacts lead, IReadOnlyList<Message> invites)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(invites);
        return PredictAcceptances([.. invites.Select(m => (lead, m, 0))]);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var card = new HazardModelCard(_features.Encoder.State, Report, _hazard.FactorsByKey, _acceptance?.FactorsByKey, _hazard.Posteriors, _acceptance?.Posteriors, _features.Text?.Dimensions, _features.Text?.Sentences);
        using (var entry = zip.CreateEntry(CardEntry).Open())
        {
            JsonSerializer.Serialize(entry, card, ConversionModel.Json);
        }

        Write(zip, HazardEntry, _hazard.ModelBytes());
        if (_acceptance is not null)
        {
            Write(zip, AcceptanceEntry, _acceptance.ModelBytes());
        }

        if (_features.Text is { Reader: MessageTextReader.Components })
        {
            Write(zip, TextEntry, _features.Text.ModelBytes());
        }
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <exception cref="InvalidDataException">The stream is not a model Leadwise's <see cref="Save(Stream)"/> wrote.</exception>
    public static HazardModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        ZipArchiveEntry Entry(string name) => zip.GetEntry(name) ?? throw new InvalidDataException($"The model file has no {name}; it was not written by Leadwise's HazardModel.");
        HazardModelCard card;
        using (var entry = Entry(CardEntry).Open())
        {
            card = JsonSerializer.Deserialize<HazardModelCard>(entry, ConversionModel.Json) ?? throw new InvalidDataException("The model card is empty.");
        }

        // A model saved before text features has no text entry and no dimensions in its card: it reads messages by their traits, as it was trained.
        var text = card.TextSentences is { } sentences ? MessageTextEncoder.RestoreSentences(sentences)
            : card.TextDimensions is { } dimensions
            ? MessageTextEncoder.Restore(Read(zip.GetEntry(TextEntry) ?? throw new InvalidDataException($"The model card says the model reads message texts ({dimensions} dimensions), but the model file has no {TextEntry}.")), dimensions)
            : null;
        var features = new HazardFeatures(LeadFeatureEncoder.Restore(card.Encoder), text);
        var width = features.FeatureNames.Count;
        var hazard = ModelStage.Restore(Read(Entry(HazardEntry)), width, card.HazardFactors, card.Report.Hazard, 0, card.HazardPosteriors);
        var acceptance = card.Report.Acceptance is { } report && card.AcceptanceFactors is { } factors
            ? ModelStage.Restore(Read(Entry(AcceptanceEntry)), width, factors, report, 0, card.AcceptancePosteriors)
            : null;
        return new HazardModel(features, hazard, acceptance);
    }

    public static HazardModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        entry.Write(bytes);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Many leads' requests in one pass (scoring row by row through ML.NET pays the pipeline's overhead each time).</summary>
    internal double[] PredictHazards(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests) => _hazard.Shrink(Raw(_hazard, requests), Keys(requests));

    /// <summary>Hazards with each message's factor drawn from its posterior (Thompson sampling), one draw per request.</summary>
    internal double[] SampleHazards(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests, Random random) =>
        _hazard.Sample(Raw(_hazard, requests), Keys(requests), random);

    /// <summary>Acceptances with each invite's factor drawn from its posterior; 1 without an acceptance stage.</summary>
    internal double[] SampleAcceptances(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests, Random random) =>
        _acceptance is null ? [.. requests.Select(_ => 1.0)] : _acceptance.Sample(Raw(_acceptance, requests), Keys(requests), random);

    internal double SampleHazardFactor(MessageKey message, Random random) => _hazard.SampleFactor(message, random);

    internal double HazardFactor(MessageKey message) => _hazard.Factor(message);

    /// <summary>Hazards from the message's properties alone, without any message's shrinkage factor: for drafts, which have no record.</summary>
    internal double[] UnshrunkHazards(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests) => ModelStage.Cap(Raw(_hazard, requests));

    internal double[] PredictAcceptances(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests) =>
        _acceptance is null ? [.. requests.Select(_ => 1.0)] : _acceptance.Shrink(Raw(_acceptance, requests), Keys(requests));

    /// <summary>The stage's probabilities through its ML.NET pipeline, row vectors and all: what <see cref="Raw"/> must equal (tests hold the direct path to it).</summary>
    internal double[] PipelineProbabilities(bool acceptance, IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests)
    {
        _features.Text?.EnsureEncoded(requests.Select(r => r.Message));
        return Stage(acceptance).PredictRaw(Rows(requests));
    }

    /// <summary>The stage's unshrunk probabilities as every prediction computes them (directly for a linear stage), for tests to hold against <see cref="PipelineProbabilities"/>.</summary>
    internal double[] Probabilities(bool acceptance, IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests) =>
        Raw(Stage(acceptance), requests);

    private ModelStage Stage(bool acceptance) =>
        acceptance ? _acceptance ?? throw new InvalidOperationException("The model has no acceptance stage.") : _hazard;

    internal double AcceptanceFactor(MessageKey invite) => _acceptance?.Factor(invite) ?? 1.0;

    /// <summary>Whether the stage is scored directly (a linear model) rather than through ML.NET (trees).</summary>
    internal bool ScoresDirectly(bool acceptance) => (acceptance ? _acceptance : _hazard)?.Linear is not null;

    private static MessageKey[] Keys(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests)
    {
        var keys = new MessageKey[requests.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = requests[i].Message.Key;
        }

        return keys;
    }

    /// <summary>The stage's unshrunk probabilities: directly for a linear stage, else through ML.NET.</summary>
    private double[] Raw(ModelStage stage, IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests)
    {
        // Messages never seen by this model (candidates after a load, drafts) are encoded together, once each, not row by row.
        _features.Text?.EnsureEncoded(requests.Select(r => r.Message));
        return stage.Linear is { } linear ? Direct(linear, requests) : stage.PredictRaw(requests.Count, Writer(requests));
    }

    /// <summary>Writes request i's whole feature vector, encoding a lead's own features once for its consecutive rows.</summary>
    private FeatureRowsView.RowWriter Writer(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests)
    {
        PreContactFacts? previous = null;
        float[] vector = [];
        return (row, features) =>
        {
            var (lead, message, step) = requests[row];
            if (!ReferenceEquals(lead, previous))
            {
                vector = _features.Lead(lead);
                previous = lead;
            }

            var leadWidth = _features.LeadWidth;
            vector.AsSpan(0, leadWidth).CopyTo(features);
            _features.EncodeMessage(vector, message, step, features[leadWidth..]);
        };
    }

    /// <summary>
    /// For each lead, the hazard of every candidate at every step (lead by lead, step by step, in candidate order) and,
    /// for gated leads, the acceptance of every candidate invite — what <see cref="PredictHazards"/> and
    /// <see cref="PredictAcceptances"/> (or, with <paramref name="random"/>, the sampled pair) give for those requests, with
    /// the same draws in the same order. With linear stages each lead is encoded once for both, and an invite's row serves
    /// both its step-0 hazard and its acceptance (the two stages read the same vector).
    /// </summary>
    internal (double[] Hazards, double[] Acceptances) PredictCandidates(IReadOnlyList<CandidateSet> leads, Random? random = null)
    {
        if (_hazard.Linear is not { } hazard || _acceptance is { Linear: null })
        {
            var hazardRequests = new List<(PreContactFacts, Message, int)>();
            var acceptRequests = new List<(PreContactFacts, Message, int)>();
            foreach (var (lead, steps, gated) in leads)
            {
                for (var step = 0; step < steps.Count; step++)
                {
                    hazardRequests.AddRange(steps[step].Select(m => (lead, m, step)));
                }

                if (gated)
                {
                    acceptRequests.AddRange(steps[0].Select(m => (lead, m, 0)));
                }
            }

            return random is null
                ? (PredictHazards(hazardRequests), PredictAcceptances(acceptRequests))
                : (SampleHazards(hazardRequests, random), SampleAcceptances(acceptRequests, random));
        }

        var acceptance = _acceptance?.Linear;
        int hazardRows = 0, acceptRows = 0;
        foreach (var (_, steps, gated) in leads)
        {
            foreach (var step in steps)
            {
                hazardRows += step.Count;
            }

            acceptRows += gated ? steps[0].Count : 0;
        }

        _features.Text?.EnsureEncoded(leads.SelectMany(l => l.Steps.SelectMany(step => step)));
        var leadWidth = _features.LeadWidth;
        Span<float> tail = new float[_features.FeatureNames.Count - leadWidth];
        var hazards = new double[hazardRows];
        var hazardKeys = new MessageKey[hazardRows];
        var acceptances = new double[acceptRows];
        var acceptKeys = new MessageKey[acceptRows];
        int h = 0, a = 0;
        foreach (var (lead, steps, gated) in leads)
        {
            var vector = _features.Lead(lead);
            var hazardScore = hazard.Bias + hazard.Partial(vector, 0);
            var acceptScore = gated && acceptance is not null ? acceptance.Bias + acceptance.Partial(vector, 0) : 0;
            for (var step = 0; step < steps.Count; step++)
            {
                foreach (var message in steps[step])
                {
                    _features.EncodeMessage(vector, message, step, tail);
                    hazards[h] = hazard.Probability(hazardScore + hazard.Partial(tail, leadWidth));
                    hazardKeys[h++] = message.Key;
                    if (step == 0 && gated)
                    {
                        acceptances[a] = acceptance is null ? 1.0 : acceptance.Probability(acceptScore + acceptance.Partial(tail, leadWidth));
                        acceptKeys[a++] = message.Key;
                    }
                }
            }
        }

        hazards = random is null ? _hazard.Shrink(hazards, hazardKeys) : _hazard.Sample(hazards, hazardKeys, random);
        if (_acceptance is not null)
        {
            acceptances = random is null ? _acceptance.Shrink(acceptances, acceptKeys) : _acceptance.Sample(acceptances, acceptKeys, random);
        }

        return (hazards, acceptances);
    }

    /// <summary>
    /// A linear stage's probabilities with no vector per row: a lead's own features are encoded and summed once for its
    /// consecutive rows, and each row adds the sum over the rest of its vector, written into one buffer reused across rows.
    /// </summary>
    private double[] Direct(LinearStageScorer linear, IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests)
    {
        var leadWidth = _features.LeadWidth;
        Span<float> tail = new float[_features.FeatureNames.Count - leadWidth];
        var probabilities = new double[requests.Count];
        PreContactFacts? previous = null;
        float[] vector = [];
        var leadScore = 0.0;
        for (var i = 0; i < requests.Count; i++)
        {
            var (lead, message, step) = requests[i];
            if (!ReferenceEquals(lead, previous))
            {
                vector = _features.Lead(lead);
                leadScore = linear.Bias + linear.Partial(vector, 0);
                previous = lead;
            }

            _features.EncodeMessage(vector, message, step, tail);
            probabilities[i] = linear.Probability(leadScore + linear.Partial(tail, leadWidth));
        }

        return probabilities;
    }

    private float[][] Rows(IReadOnlyList<(PreContactFacts Lead, Message Message, int Step)> requests)
    {
        var leadVectors = new Dictionary<PreContactFacts, float[]>(ReferenceEqualityComparer.Instance);
        var rows = new float[requests.Count][];
        for (var i = 0; i < requests.Count; i++)
        {
            var (lead, message, step) = requests[i];
            if (!leadVectors.TryGetValue(lead, out var vector))
            {
                vector = _features.Lead(lead);
                leadVectors[lead] = vector;
            }

            rows[i] = _features.Encode(vector, message, step);
        }

        return rows;
    }
}
