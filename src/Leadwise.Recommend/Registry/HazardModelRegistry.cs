using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Registry;

/// <summary>
/// Sequence (hazard) models as numbered versions of kind <see cref="ModelKinds.Hazard"/> in the store
/// (<see cref="ModelRegistry{TModel}"/>); <c>leadwise recommend</c> uses the promoted version. The metadata is the
/// model's <see cref="HazardModel.Report"/> as JSON.
/// </summary>
public sealed class HazardModelRegistry(ILeadwiseStore store, TimeProvider time, UserId? account = null)
    : ModelRegistry<HazardModel>(store, time, ModelKinds.Hazard, account)
{
    private readonly TimeProvider _time = time;

    public Task<ModelVersion> SaveAsync(HazardModel model, CancellationToken cancellationToken) =>
        SaveAsync(NewVersionOf(model), cancellationToken);

    /// <summary>The version <see cref="SaveAsync(HazardModel, CancellationToken)"/> saves, for a caller that saves it together with other writes (a train job).</summary>
    public NewModelVersion NewVersionOf(HazardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return new NewModelVersion(Kind, _time.GetUtcNow(), Summary(model.Report), JsonSerializer.Serialize(model.Report, ConversionModel.Json), buffer.ToArray(), Account);
    }

    /// <summary>One line: each stage's chosen trainer and held-out ROC AUC.</summary>
    public static string Summary(HazardModelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hazard = Stage(report.Hazard);
        return report.Acceptance is { } acceptance ? hazard + "; " + Stage(acceptance) : hazard;
    }

    /// <summary>The report a saved hazard version carries as its metadata.</summary>
    public static HazardModelReport ReadReport(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Kind != ModelKinds.Hazard)
        {
            throw new ArgumentException($"Version {version.Version} is a {version.Kind} model, not a sequence (hazard) model.", nameof(version));
        }

        return JsonSerializer.Deserialize<HazardModelReport>(version.MetadataJson, ConversionModel.Json)
            ?? throw new InvalidDataException($"Version {version.Version} has no sequence model report.");
    }

    /// <summary>The held-out ROC AUC of a stage's chosen trainer.</summary>
    public static double HeldOutAuc(StageReport stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Trainers.FirstOrDefault(t => t.Trainer == stage.Chosen)?.RocAuc ?? double.NaN;
    }

    protected override HazardModel FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return HazardModel.Load(stream);
    }

    private static string Stage(StageReport stage) => string.Create(CultureInfo.InvariantCulture,
        $"{stage.Stage} {stage.Chosen} AUC {HeldOutAuc(stage):F3} ({stage.Rows:N0} rows, {stage.Positives:N0} positive)");
}
