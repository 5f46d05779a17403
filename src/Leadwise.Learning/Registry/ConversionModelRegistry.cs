using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Model;

namespace Leadwise.Learning.Registry;

/// <summary>
/// Conversion models as numbered versions in the store (<see cref="ModelRegistry{TModel}"/>). Scoring uses the
/// promoted version.
/// </summary>
public sealed class ConversionModelRegistry(ILeadwiseStore store, TimeProvider time, UserId? account = null)
    : ModelRegistry<ConversionModel>(store, time, ModelKinds.Conversion, account)
{
    public Task<ModelVersion> SaveAsync(ConversionModel model, CancellationToken cancellationToken) =>
        SaveAsync(NewVersionOf(model), cancellationToken);

    /// <summary>The version <see cref="SaveAsync(ConversionModel, CancellationToken)"/> saves, for a caller that saves it together with other writes (a train job).</summary>
    public NewModelVersion NewVersionOf(ConversionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new NewModelVersion(Kind, model.Card.TrainedAt, model.Card.Summary, JsonSerializer.Serialize(model.Card, ConversionModel.Json), model.ToBytes(), Account);
    }

    /// <summary>The card of a version, read from its metadata without loading the model.</summary>
    public static ConversionModelCard ReadCard(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return JsonSerializer.Deserialize<ConversionModelCard>(version.MetadataJson, ConversionModel.Json)
            ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Model version {version.Version} has no card."));
    }

    protected override ConversionModel FromBytes(byte[] bytes) => ConversionModel.FromBytes(bytes);
}
