using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>Whole tables as one account holds them (what the CLI's <c>--account</c> reads), filtered in SQL; a null account reads every account.</summary>
public sealed partial class PostgresLeadwiseStore
{
    public async Task<StoreCounts> CountAsync(UserId? account, CancellationToken cancellationToken)
    {
        if (account is not { } owner)
        {
            return await CountAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM users WHERE id = $1), (SELECT count(*) FROM campaigns WHERE user_id = $1),
                   (SELECT count(*) FROM messages WHERE {OfAccount(1)}), (SELECT count(*) FROM leads WHERE {OfAccount(1)}),
                   (SELECT count(*) FROM campaign_snapshots WHERE {OfAccount(1)})
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = owner.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    public IAsyncEnumerable<User> ReadUsersAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(UsersTable.Instance, orderBy: "id", where: "id = $1", owner.Value, cancellationToken)
            : ReadUsersAsync(cancellationToken);

    public IAsyncEnumerable<Message> ReadMessagesAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(MessagesTable.Instance, orderBy: "campaign_id, \"order\"", where: OfAccount(1), owner.Value, cancellationToken)
            : ReadMessagesAsync(cancellationToken);

    public IAsyncEnumerable<Lead> ReadLeadsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(LeadsTable.Instance, orderBy: "id", where: OfAccount(1), owner.Value, cancellationToken)
            : ReadLeadsAsync(cancellationToken);

    public IAsyncEnumerable<CampaignSnapshot> ReadSnapshotsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(SnapshotsTable.Instance, orderBy: "id", where: OfAccount(1), owner.Value, cancellationToken)
            : ReadSnapshotsAsync(cancellationToken);

    public IAsyncEnumerable<EngagementEvent> ReadEventsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(EventsTable.Instance, orderBy: "lead_id, occurred_at, id", where: $"lead_id IN (SELECT id FROM leads WHERE {OfAccount(1)})", owner.Value, cancellationToken)
            : ReadEventsAsync(cancellationToken);
}
