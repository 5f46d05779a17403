using System.Runtime.CompilerServices;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Sqlite;

/// <summary>Reads of what scoring reads and produces: events, companies, scores.</summary>
public sealed partial class SqliteLeadwiseStore
{
    public async Task<ScoringDataCounts> CountScoringDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM engagement_events), (SELECT count(*) FROM companies), (SELECT count(*) FROM lead_scores)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ScoringDataCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public IAsyncEnumerable<EngagementEvent> ReadEventsAsync(CancellationToken cancellationToken) =>
        QueryAsync(EventsTable.Instance, SqliteStatements.Select(EventsTable.Instance, orderBy: "lead_id, occurred_at, id"), null, cancellationToken);

    public IAsyncEnumerable<EngagementEvent> ReadEventsOfLeadAsync(LeadId leadId, CancellationToken cancellationToken) =>
        QueryAsync(EventsTable.Instance, SqliteStatements.Select(EventsTable.Instance, where: "lead_id = $id", orderBy: "occurred_at, id"), ("$id", leadId.Value), cancellationToken);

    public async Task<IReadOnlyList<string>> ReadEventPropertyNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT p.key FROM engagement_events AS e, json_each(e.properties) AS p WHERE e.properties IS NOT NULL";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public IAsyncEnumerable<CompanyProfile> ReadCompaniesAsync(CancellationToken cancellationToken) =>
        QueryAsync(CompaniesTable.Instance, SqliteStatements.Select(CompaniesTable.Instance, orderBy: "name_key"), null, cancellationToken);

    public async Task<LeadScore?> FindScoreAsync(LeadId leadId, CancellationToken cancellationToken)
    {
        await foreach (var score in QueryScoresAsync("WHERE lead_id = $id", leadId, cancellationToken).ConfigureAwait(false))
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
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT lead_id, total, grade, subtotals, hits, as_of FROM lead_scores {clause}";
        if (leadId is { } id)
        {
            command.Parameters.AddWithValue("$id", id.Value);
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
                StoreTimestamps.FromMicroseconds(reader.GetInt64(5)));
        }
    }
}
