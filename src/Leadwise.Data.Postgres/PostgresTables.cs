using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>The store's tables as <see cref="PostgresTable{TRow}"/>s: the export's definitions plus what the store derives.</summary>
internal static class PostgresTables
{
    public static readonly PostgresTable<User> Users = PostgresTable<User>.From(UsersTable.Instance, ["id"]);

    public static readonly PostgresTable<Campaign> Campaigns = PostgresTable<Campaign>.From(CampaignsTable.Instance, ["id"]);

    public static readonly PostgresTable<Message> Messages = PostgresTable<Message>.From(MessagesTable.Instance, ["campaign_id", "order"]);

    public static readonly PostgresTable<Lead> Leads = PostgresTable<Lead>.From(LeadsTable.Instance, ["id"]);

    public static readonly PostgresTable<CampaignSnapshot> Snapshots = PostgresTable<CampaignSnapshot>.From(SnapshotsTable.Instance, ["id"]);

    /// <summary>Events never replace a stored one: a collision on client_event_id or derived_key keeps the stored event.</summary>
    public static readonly PostgresTable<EngagementEvent> Events = PostgresTable<EngagementEvent>.From(
        EventsTable.Instance, ["id"], [("derived_key", NpgsqlDbType.Bytea)],
        static (row, sink) => sink.Blob(EngagementEventKeys.DerivedKey(row)), keepStoredRow: true);

    public static readonly PostgresTable<CompanyProfile> Companies = PostgresTable<CompanyProfile>.From(
        CompaniesTable.Instance, ["name_key"], [("name_key", NpgsqlDbType.Text)],
        static (row, sink) => sink.Text(CompanyNameKey.Of(row.Name)));

    public static readonly PostgresTable<LeadScore> Scores = new(
        "lead_scores",
        [("lead_id", NpgsqlDbType.Bigint), ("total", NpgsqlDbType.Double), ("grade", NpgsqlDbType.Text),
         ("subtotals", NpgsqlDbType.Jsonb), ("hits", NpgsqlDbType.Jsonb), ("as_of", NpgsqlDbType.TimestampTz)],
        ["lead_id"],
        keepStoredRow: false,
        static (score, sink) =>
        {
            sink.Int64(score.LeadId.Value);
            sink.Double(score.Total);
            sink.Text(score.Grade);
            sink.Json(LeadScoreJson.Subtotals(score.Subtotals), NpgsqlDbType.Jsonb);
            sink.Json(LeadScoreJson.Hits(score.Hits), NpgsqlDbType.Jsonb);
            sink.Timestamp(score.AsOf);
        });

    public static readonly PostgresTable<ModelScore> ModelScores = new(
        "lead_model_scores",
        [("lead_id", NpgsqlDbType.Bigint), ("model_version", NpgsqlDbType.Integer), ("probability", NpgsqlDbType.Double),
         ("score", NpgsqlDbType.Integer), ("grade", NpgsqlDbType.Text), ("as_of", NpgsqlDbType.TimestampTz)],
        ["lead_id"],
        keepStoredRow: false,
        static (score, sink) =>
        {
            sink.Int64(score.LeadId.Value);
            sink.Int32(score.ModelVersion);
            sink.Double(score.Probability);
            sink.Int32(score.Score);
            sink.Text(score.Grade);
            sink.Timestamp(score.AsOf);
        });
}
