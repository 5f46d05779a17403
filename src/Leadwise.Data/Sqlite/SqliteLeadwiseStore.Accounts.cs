using Leadwise.Core.Outreach;
using Leadwise.Data.Export;

namespace Leadwise.Data.Sqlite;

/// <summary>Reads scoped to one account (the user owning the campaigns), filtered in SQL; a null account reads every account.</summary>
public sealed partial class SqliteLeadwiseStore
{
    /// <summary>The account's campaigns, through campaigns_by_user.</summary>
    private const string OfAccount = "campaign_id IN (SELECT id FROM campaigns WHERE user_id = $account)";

    public async Task<Lead?> FindLeadAsync(LeadId id, UserId? account, CancellationToken cancellationToken)
    {
        if (account is not { } owner)
        {
            return await FindLeadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var sql = SqliteStatements.Select(LeadsTable.Instance, where: $"id = $id AND {OfAccount}");
        await foreach (var lead in QueryWithParametersAsync(LeadsTable.Instance, sql, [("$id", id.Value), ("$account", owner.Value)], cancellationToken).ConfigureAwait(false))
        {
            return lead;
        }

        return null;
    }

    public IAsyncEnumerable<Campaign> ReadCampaignsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(CampaignsTable.Instance, SqliteStatements.Select(CampaignsTable.Instance, where: "user_id = $account", orderBy: "id"), ("$account", owner.Value), cancellationToken)
            : ReadCampaignsAsync(cancellationToken);

    public async Task<Campaign?> FindCampaignAsync(CampaignId id, UserId? account, CancellationToken cancellationToken)
    {
        var sql = SqliteStatements.Select(CampaignsTable.Instance, where: account is null ? "id = $id" : "id = $id AND user_id = $account");
        IReadOnlyList<(string, object)> parameters = account is { } owner ? [("$id", id.Value), ("$account", owner.Value)] : [("$id", id.Value)];
        await foreach (var campaign in QueryWithParametersAsync(CampaignsTable.Instance, sql, parameters, cancellationToken).ConfigureAwait(false))
        {
            return campaign;
        }

        return null;
    }

    public async Task<IReadOnlyDictionary<CampaignId, int>> CountLeadsPerCampaignAsync(UserId? account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT campaign_id, count(*) FROM leads {(account is null ? string.Empty : "WHERE " + OfAccount)} GROUP BY campaign_id";
        if (account is { } owner)
        {
            command.Parameters.AddWithValue("$account", owner.Value);
        }

        var counts = new Dictionary<CampaignId, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[new CampaignId(reader.GetInt64(0))] = reader.GetInt32(1);
        }

        return counts;
    }
}
