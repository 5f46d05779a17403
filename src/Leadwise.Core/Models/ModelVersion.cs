using Leadwise.Core.Outreach;

namespace Leadwise.Core.Models;

/// <summary>
/// One saved version of a trained model in the registry. The store keeps the metadata as JSON and the
/// artifact as bytes without knowing what they mean, so new model kinds need no new storage code.
/// </summary>
/// <param name="Version">Numbered from 1 across all kinds, in the order they were saved.</param>
/// <param name="Kind">What the model predicts, e.g. <see cref="ModelKinds.Conversion"/>.</param>
/// <param name="CreatedAt">When training finished.</param>
/// <param name="Summary">One line a person reads in a list, e.g. the trainer and its held-out AUC.</param>
/// <param name="MetadataJson">Everything else worth showing without loading the model: metrics, features, data fingerprint, seed.</param>
/// <param name="Account">
/// The account (user) whose leads alone the model was trained on, which it serves before the install-wide model; null
/// for an install-wide model, trained on every account's leads.
/// </param>
public sealed record ModelVersion(int Version, string Kind, DateTimeOffset CreatedAt, string Summary, string MetadataJson, UserId? Account = null);
