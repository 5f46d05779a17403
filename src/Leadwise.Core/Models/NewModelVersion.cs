using Leadwise.Core.Outreach;

namespace Leadwise.Core.Models;

/// <summary>
/// A trained model as the registry saves it, before the store has numbered it: what <see cref="ModelVersion"/> holds
/// without its version, plus the artifact. Lets a caller save several versions together with other writes (a train
/// job records the versions it registered in the same transaction).
/// </summary>
/// <param name="Kind">What the model predicts, e.g. <see cref="ModelKinds.Conversion"/>.</param>
/// <param name="CreatedAt">When training finished.</param>
/// <param name="Summary">One line a person reads in a list.</param>
/// <param name="MetadataJson">The metadata the registry reads back (a conversion model's card, a sequence model's report).</param>
/// <param name="Artifact">The bytes the model is loaded from.</param>
/// <param name="Account">The account whose own version it is (trained on its leads only); null: an install-wide version.</param>
public sealed record NewModelVersion(string Kind, DateTimeOffset CreatedAt, string Summary, string MetadataJson, ReadOnlyMemory<byte> Artifact, UserId? Account = null);
