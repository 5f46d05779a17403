using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Calibration;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Leadwise.Learning.Model;

/// <summary>
/// A trained, calibrated conversion model ready to score leads: the feature encoder it was trained with,
/// the ML.NET model fitted on all training rows, the calibration fitted on out-of-fold predictions, its
/// grade bands and its card. <see cref="Save"/> and <see cref="Load"/> round-trip it through one zip,
/// which the registry stores as a version's artifact. Safe to share between threads.
/// </summary>
public sealed class ConversionModel
{
    private const string CardEntry = "card.json";
    private const string ModelEntry = "model.zip";
    private const string CalibratorEntry = "calibrator.bin";
    private const string HeldOutEntry = "held-out.bin";

    /// <summary>Drift bins end at +∞ and references may be NaN (a feature never present): both must survive JSON.</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ProbabilityCalibrator _calibrator;
    private readonly Lazy<IReadOnlyList<ITransformer>?> _contributions;

    internal ConversionModel(ConversionModelCard card, MLContext ml, ITransformer model, ProbabilityCalibrator calibrator, IReadOnlyList<LeadId> heldOutLeads, IReadOnlyList<double> heldOutProbabilities, IReadOnlyList<bool> heldOutLabels)
    {
        Card = card;
        _ml = ml;
        _model = model;
        _calibrator = calibrator;
        _contributions = new(ContributionStages);
        Encoder = LeadFeatureEncoder.Restore(card.Encoder);
        if (!Encoder.FeatureNames.SequenceEqual(card.FeatureNames, StringComparer.Ordinal))
        {
            throw new InvalidDataException("The model was trained with other features than this version of Leadwise builds; retrain it.");
        }

        HeldOutLeads = heldOutLeads;
        HeldOutProbabilities = heldOutProbabilities;
        HeldOutLabels = heldOutLabels;
    }

    public ConversionModelCard Card { get; }

    public LeadFeatureEncoder Encoder { get; }

    /// <summary>The training leads, row for row with <see cref="HeldOutProbabilities"/> and <see cref="HeldOutLabels"/>.</summary>
    public IReadOnlyList<LeadId> HeldOutLeads { get; }

    /// <summary>The calibrated out-of-fold probabilities training measured the model on, row for row with <see cref="HeldOutLabels"/> (for reports).</summary>
    public IReadOnlyList<double> HeldOutProbabilities { get; }

    public IReadOnlyList<bool> HeldOutLabels { get; }

    public ModelPrediction Predict(PreContactFacts facts) => ToPrediction(PredictProbabilities([Encoder.Encode(facts)])[0]);

    /// <summary>Predictions for many leads: encoded in parallel, predicted in one batch.</summary>
    public ModelPrediction[] PredictMany(IReadOnlyList<PreContactFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var rows = new float[leads.Count][];
        Parallel.For(0, leads.Count, i => rows[i] = Encoder.Encode(leads[i]));
        return [.. PredictProbabilities(rows).Select(ToPrediction)];
    }

    public ModelPrediction ToPrediction(double probability) =>
        new(probability, (int)Math.Round(100 * probability, MidpointRounding.AwayFromZero), Card.Bands.Grade(probability));

    /// <summary>Calibrated probabilities for encoded rows; one pass through ML.NET for the whole batch.</summary>
    public double[] PredictProbabilities(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        return Probabilities(_ml, _model, _calibrator, rows, Card.FeatureNames.Count);
    }

    /// <summary>The model's raw (uncalibrated) scores of encoded rows: what <see cref="RawContributions"/> divides up.</summary>
    internal double[] RawScores(IReadOnlyList<float[]> rows) =>
        [.. _model.Transform(TrainingData.Load(_ml, rows.Select(row => new BinaryRow { Features = row }), Card.FeatureNames.Count)).GetColumn<float>("Score").Select(s => (double)s)];

    /// <summary>ML.NET's feature contributions of one encoded row, one per feature column; null when the model cannot give them (<see cref="ContributionStages"/>).</summary>
    internal float[]? RawContributions(float[] row)
    {
        if (_contributions.Value is not { } stages)
        {
            return null;
        }

        IDataView data = TrainingData.Load(_ml, [new BinaryRow { Features = row }], Card.FeatureNames.Count);
        foreach (var stage in stages)
        {
            data = stage.Transform(data);
        }

        return data.GetColumn<float[]>("FeatureContributions").Single();
    }

    internal static double[] Probabilities(MLContext ml, ITransformer model, ProbabilityCalibrator calibrator, IReadOnlyList<float[]> rows, int featureCount)
    {
        var data = TrainingData.Load(ml, rows.Select(row => new BinaryRow { Features = row }), featureCount);
        var raw = model.Transform(data).GetColumn<float>("Probability").Select(p => (double)p).ToArray();
        return calibrator.Apply(raw);
    }

    /// <summary>
    /// The model's stages before its predictor, then ML.NET's feature-contribution calculator (<c>CalculateFeatureContribution</c>)
    /// on the predictor, in the trainer's own score units; null when the last stage is none of the three trainers'
    /// calibrated models. Built once per model: it depends on the model only, not on the lead.
    /// </summary>
    private IReadOnlyList<ITransformer>? ContributionStages()
    {
        var stages = _model is IEnumerable<ITransformer> chain ? chain.ToList() : [_model];
        var count = Card.FeatureNames.Count;
        // ML.NET's calibrated binary models are typed by their sub-model, and only the typed overload reaches it.
        IEstimator<ITransformer>? contributions = stages[^1] switch
        {
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> linear => _ml.Transforms.CalculateFeatureContribution(linear, count, count, normalize: false),
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> lightGbm => _ml.Transforms.CalculateFeatureContribution(lightGbm, count, count, normalize: false),
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> fastTree => _ml.Transforms.CalculateFeatureContribution(fastTree, count, count, normalize: false),
            _ => null,
        };
        if (contributions is null)
        {
            return null;
        }

        // The calculator is fitted on the schema only; an empty view of the predictor's input carries it.
        IDataView input = TrainingData.Load(_ml, [], count);
        foreach (var stage in stages.Take(stages.Count - 1))
        {
            input = stage.Transform(input);
        }

        return [.. stages.Take(stages.Count - 1), contributions.Fit(input)];
    }

    /// <summary>
    /// The reasons for a lead's probability: for each feature group where the lead differs from the typical
    /// training value, how many percentage points the calibrated probability changes when that group alone
    /// is set to the typical value. Largest effects first, positive and negative.
    /// </summary>
    /// <remarks>
    /// Measured on the calibrated probability (what the lead is scored with), the same way for every
    /// trainer, and for loaded models too. ML.NET's own feature contributions come with each factor
    /// (<see cref="ModelFactor.Contribution"/>), but in each trainer's raw score units, before calibration and against a
    /// zero value rather than the typical lead, so they rank but cannot say how many points a value is worth.
    /// </remarks>
    public IReadOnlyList<ModelFactor> Explain(PreContactFacts facts, int top = 6)
    {
        var row = Encoder.Encode(facts);
        var variants = new List<float[]> { row };
        var changed = new List<FeatureGroup>();
        foreach (var group in Card.Groups)
        {
            if (group.Columns.All(c => Same(row[c], Card.Reference[c])))
            {
                continue;
            }

            var variant = (float[])row.Clone();
            foreach (var column in group.Columns)
            {
                variant[column] = Card.Reference[column];
            }

            variants.Add(variant);
            changed.Add(group);
        }

        var probabilities = PredictProbabilities(variants);
        var contributions = RawContributions(row);
        return [.. changed
            .Select((group, i) => new ModelFactor(group.Name, Describe(group, row), Describe(group, [.. Card.Reference]), 100 * (probabilities[0] - probabilities[i + 1]),
                contributions is null ? null : group.Columns.Sum(c => (double)contributions[c])))
            .Where(f => Math.Abs(f.Points) >= 0.05)
            .OrderByDescending(f => Math.Abs(f.Points))
            .Take(top)];
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(CardEntry).Open())
        {
            JsonSerializer.Serialize(entry, Card, Json);
        }

        using (var buffer = new MemoryStream())
        {
            _ml.Model.Save(_model, TrainingData.Load(_ml, [], Card.FeatureNames.Count).Schema, buffer);
            using var entry = zip.CreateEntry(ModelEntry, CompressionLevel.NoCompression).Open();
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }

        using (var entry = zip.CreateEntry(CalibratorEntry).Open())
        {
            _calibrator.Save(entry);
        }

        using (var entry = zip.CreateEntry(HeldOutEntry).Open())
        using (var writer = new BinaryWriter(entry))
        {
            writer.Write(HeldOutProbabilities.Count);
            for (var i = 0; i < HeldOutProbabilities.Count; i++)
            {
                writer.Write(HeldOutLeads[i].Value);
                writer.Write(HeldOutProbabilities[i]);
                writer.Write(HeldOutLabels[i]);
            }
        }
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        return buffer.ToArray();
    }

    public static ConversionModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        ZipArchiveEntry Entry(string name) => zip.GetEntry(name) ?? throw new InvalidDataException($"The model file has no {name}; it was not written by Leadwise.");
        ConversionModelCard card;
        using (var entry = Entry(CardEntry).Open())
        {
            card = JsonSerializer.Deserialize<ConversionModelCard>(entry, Json) ?? throw new InvalidDataException("The model card is empty.");
        }

        var ml = new MLContext(card.Seed);
        ITransformer model;
        using (var entry = Entry(ModelEntry).Open())
        using (var buffer = new MemoryStream())
        {
            entry.CopyTo(buffer);
            buffer.Position = 0;
            model = ml.Model.Load(buffer, out _);
        }

        ProbabilityCalibrator calibrator;
        using (var entry = Entry(CalibratorEntry).Open())
        {
            calibrator = ProbabilityCalibrator.Load(entry);
        }

        var leads = new List<LeadId>();
        var probabilities = new List<double>();
        var labels = new List<bool>();
        using (var entry = Entry(HeldOutEntry).Open())
        using (var reader = new BinaryReader(entry))
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                leads.Add(new LeadId(reader.ReadInt64()));
                probabilities.Add(reader.ReadDouble());
                labels.Add(reader.ReadBoolean());
            }
        }

        return new ConversionModel(card, ml, model, calibrator, leads, probabilities, labels);
    }

    public static ConversionModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream);
    }

    private string Describe(FeatureGroup group, IReadOnlyList<float> row)
    {
        if (group.Categorical)
        {
            var hot = group.Columns.FirstOrDefault(c => row[c] > 0.5f, -1);
            return hot < 0 ? "none" : group.Label(Card.FeatureNames, hot);
        }

        var value = row[group.Columns[0]];
        if (float.IsNaN(value))
        {
            return "missing";
        }

        // log2(1 + n) features read better as the count they stand for.
        return group.Name.Contains("log2", StringComparison.Ordinal)
            ? Math.Round(Math.Pow(2, value) - 1).ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static bool Same(float a, float b) => a == b || (float.IsNaN(a) && float.IsNaN(b));
}
