using System.Runtime.CompilerServices;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>Reads of what scoring reads and produces: events, companies, scores.</summary>
public sealed partial class PostgresLeadwiseStore
{
    public async Task<ScoringDataCounts> CountScoringDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM engagement_events), (SELECT count(*) FROM companies), (SELECT count(*) FROM lead_scores)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ScoringDataCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public IAsyncEnumerable<EngagementEvent> ReadEventsAsync(CancellationToken cancellationToken) =>
        QueryAsync(EventsTable.Instance, orderBy: "lead_id, occurred_at, id", where: null, parameter: null, cancellationToken);

    public IAsyncEnumerable<EngagementEvent> ReadEventsOfLeadAsync(LeadId leadId, CancellationToken cancellationToken) =>
        QueryAsync(EventsTable.Instance, orderBy: "occurred_at, id", where: "lead_id = $1", leadId.Value, cancellationToken);

    public async Task<IReadOnlyList<string>> ReadEventPropertyNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT jsonb_object_keys(properties) FROM engagement_events WHERE properties IS NOT NULL", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>By name key in byte order (<c>COLLATE "C"</c>), as SQLite orders text, whatever the database's collation.</summary>
    public IAsyncEnumerable<CompanyProfile> ReadCompaniesAsync(CancellationToken cancellationToken) =>
        QueryAsync(CompaniesTable.Instance, orderBy: "name_key COLLATE \"C\"", where: null, parameter: null, cancellationToken);

    public async Task<LeadScore?> FindScoreAsync(LeadId leadId, CancellationToken cancellationToken)
    {
        await foreach (var score in QueryScoresAsync("WHERE lead_id = $1", leadId, cancellationToken).ConfigureAwait(false))
        {
            return score;
        }

        return null;
    }

    public IAsyncEnumerable<LeadScore> ReadScoresAsync(CancellationToken cancellationToken) =>
        QueryScoresAsync("ORDER BY lead_id", null, cancellationToken);

    private async IAsyncEnumerable<LeadScore> QueryScoresAsync(string clause, LeadId? leadId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT lead_id, total, grade, subtotals::text, hits::text, as_of FROM lead_scores {clause}", connection);
        if (leadId is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = id.Value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new LeadScore(
                new LeadId(reader.GetInt64(0)),
                reader.GetDouble(1),
                reader.GetString(2),
                LeadScoreJson.ReadSubtotals(reader.GetString(3)),
                LeadScoreJson.ReadHits(reader.GetString(4)),
                PostgresFieldSource.ReadTimestamp(reader, 5));
        }
    }
}
