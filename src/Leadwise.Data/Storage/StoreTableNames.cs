namespace Leadwise.Data.Storage;

/// <summary>
/// Every table a store keeps data in, on both backends, in an order that writes referenced rows first
/// (model versions before their promotions). Whole-store operations (<c>leadwise db copy</c>, its
/// checksums, <see cref="IStoreWriter.ClearAsync"/>) go through this list; a test compares it with the
/// tables the migrations create, so a table added later cannot be skipped silently. The schema version
/// bookkeeping (SQLite's <c>user_version</c>, PostgreSQL's <c>leadwise_schema_version</c>) is not data and is not listed.
/// </summary>
public static class StoreTableNames
{
    public const string Users = "users";
    public const string Campaigns = "campaigns";
    public const string Messages = "messages";
    public const string Leads = "leads";
    public const string Snapshots = "campaign_snapshots";
    public const string ExtraColumns = "extra_columns";
    public const string Events = "engagement_events";
    public const string Companies = "companies";
    public const string Scores = "lead_scores";
    public const string Models = "models";
    public const string Promotions = "model_promotions";
    public const string ModelScores = "lead_model_scores";
    public const string ApiKeys = "api_keys";
    public const string Jobs = "jobs";
    public const string JobFiles = "job_files";

    public static readonly IReadOnlyList<string> All =
        [Users, Campaigns, Messages, Leads, Snapshots, ExtraColumns, Events, Companies, Scores, Models, Promotions, ModelScores, ApiKeys, Jobs, JobFiles];
}
