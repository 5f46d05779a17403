using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>Reads scoped to one account (the user owning the campaigns), filtered in SQL; a null account reads every account.</summary>
public sealed partial class PostgresLeadwiseStore
{
    public async Task<Lead?> FindLeadAsync(LeadId id, UserId? account, CancellationToken cancellationToken)
    {
        if (account is not { } owner)
        {
            return await FindLeadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await foreach (var lead in QueryWithParametersAsync(LeadsTable.Instance, orderBy: null, where: $"id = $1 AND {OfAccount(2)}", [id.Value, owner.Value], cancellationToken).ConfigureAwait(false))
        {
            return lead;
        }

        return null;
    }

    public IAsyncEnumerable<Campaign> ReadCampaignsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner
            ? QueryAsync(CampaignsTable.Instance, orderBy: "id", where: "user_id = $1", owner.Value, cancellationToken)
            : ReadCampaignsAsync(cancellationToken);

    public async Task<Campaign?> FindCampaignAsync(CampaignId id, UserId? account, CancellationToken cancellationToken)
    {
        var found = account is { } owner
            ? QueryWithParametersAsync(CampaignsTable.Instance, orderBy: null, where: "id = $1 AND user_id = $2", [id.Value, owner.Value], cancellationToken)
            : QueryAsync(CampaignsTable.Instance, orderBy: null, where: "id = $1", id.Value, cancellationToken);
        await foreach (var campaign in found.ConfigureAwait(false))
        {
            return campaign;
        }

        return null;
    }

    public async Task<IReadOnlyDictionary<CampaignId, int>> CountLeadsPerCampaignAsync(UserId? account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT campaign_id, count(*) FROM leads {(account is null ? string.Empty : "WHERE " + OfAccount(1))} GROUP BY campaign_id", connection);
        if (account is { } owner)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = owner.Value });
        }

        var counts = new Dictionary<CampaignId, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[new CampaignId(reader.GetInt64(0))] = checked((int)reader.GetInt64(1));
        }

        return counts;
    }

    /// <summary>The account's campaigns (through campaigns_by_user), the account bound to parameter <c>$n</c>.</summary>
    private static string OfAccount(int parameter) => $"campaign_id IN (SELECT id FROM campaigns WHERE user_id = ${parameter})";
}
