using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Sqlite;

/// <summary>Whole tables as one account holds them (what the CLI's <c>--account</c> reads), filtered in SQL; a null account reads every account.</summary>
public sealed partial class SqliteLeadwiseStore
{
    /// <summary>The leads of the account's campaigns, through campaigns_by_user and leads_by_campaign.</summary>
    private const string LeadsOfAccount = "lead_id IN (SELECT id FROM leads WHERE " + OfAccount + ")";

    public async Task<StoreCounts> CountAsync(UserId? account, CancellationToken cancellationToken)
    {
        if (account is not { } owner)
        {
            return await CountAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM users WHERE id = $account), (SELECT count(*) FROM campaigns WHERE user_id = $account),
                   (SELECT count(*) FROM messages WHERE {OfAccount}), (SELECT count(*) FROM leads WHERE {OfAccount}),
                   (SELECT count(*) FROM campaign_snapshots WHERE {OfAccount})
            """;
        command.Parameters.AddWithValue("$account", owner.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    public IAsyncEnumerable<User> ReadUsersAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(UsersTable.Instance, SqliteStatements.Select(UsersTable.Instance, where: "id = $account", orderBy: "id"), ("$account", owner.Value), cancellationToken)
            : ReadUsersAsync(cancellationToken);

    public IAsyncEnumerable<Message> ReadMessagesAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(MessagesTable.Instance, SqliteStatements.Select(MessagesTable.Instance, where: OfAccount, orderBy: "campaign_id, \"order\""), ("$account", owner.Value), cancellationToken)
            : ReadMessagesAsync(cancellationToken);

    public IAsyncEnumerable<Lead> ReadLeadsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(LeadsTable.Instance, SqliteStatements.Select(LeadsTable.Instance, where: OfAccount, orderBy: "id"), ("$account", owner.Value), cancellationToken)
            : ReadLeadsAsync(cancellationToken);

    public IAsyncEnumerable<CampaignSnapshot> ReadSnapshotsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(SnapshotsTable.Instance, SqliteStatements.Select(SnapshotsTable.Instance, where: OfAccount, orderBy: "id"), ("$account", owner.Value), cancellationToken)
            : ReadSnapshotsAsync(cancellationToken);

    public IAsyncEnumerable<EngagementEvent> ReadEventsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(EventsTable.Instance, SqliteStatements.Select(EventsTable.Instance, where: LeadsOfAccount, orderBy: "lead_id, occurred_at, id"), ("$account", owner.Value), cancellationToken)
            : ReadEventsAsync(cancellationToken);
}
