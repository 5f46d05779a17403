using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>
/// Promotions announced with NOTIFY in the promoting transaction (so a rolled-back promotion announces nothing), and
/// a LISTEN that server nodes use to reload their served models at once instead of at their next registry poll.
/// Channels belong to the database, not a schema, so the payload names the store's schema and a listener ignores
/// other stores' promotions (several stores may share one database, one schema each).
/// </summary>
public sealed partial class PostgresLeadwiseStore
{
    /// <summary>The NOTIFY channel every promotion is announced on.</summary>
    public const string PromotionChannel = "leadwise_model_promoted";

    /// <summary>The <c>application_name</c> of a listening connection, so operators (and tests) find it in <c>pg_stat_activity</c>.</summary>
    public const string PromotionListenerName = "leadwise promotion listener";

    /// <summary>
    /// How long a listening connection may be silent before it is asked a trivial query: a connection the network
    /// dropped without a word would otherwise wait for notifications forever.
    /// </summary>
    private static readonly TimeSpan ListenCheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Listens on a connection of its own until <paramref name="cancellationToken"/> stops it. <paramref name="onListening"/>
    /// runs once LISTEN is in place (a caller reloads then: promotions made while it was not listening were not
    /// announced to it), <paramref name="onPromotion"/> for each promotion in this store. A dropped connection ends
    /// the listening with its exception; the caller connects again.
    /// </summary>
    public async Task ListenForPromotionsAsync(
        Func<CancellationToken, Task> onListening,
        Func<ModelPromotionNotice, CancellationToken, Task> onPromotion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onListening);
        ArgumentNullException.ThrowIfNull(onPromotion);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var received = new ConcurrentQueue<string>();
        connection.Notification += (_, notification) => received.Enqueue(notification.Payload);
        string schema;
        await using (var setUp = new NpgsqlCommand($"SET application_name = '{PromotionListenerName}'; LISTEN {PromotionChannel}; SELECT current_schema()", connection))
        {
            schema = (string)(await setUp.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await onListening(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (!await connection.WaitAsync(ListenCheckInterval, cancellationToken).ConfigureAwait(false))
            {
                await using var check = new NpgsqlCommand("SELECT 1", connection);
                await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            while (received.TryDequeue(out var payload))
            {
                if (ReadNotice(payload, schema) is { } notice)
                {
                    await onPromotion(notice, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Announces a promotion inside <paramref name="transaction"/>: PostgreSQL delivers it only if that commits.</summary>
    internal static async Task NotifyPromotionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string kind, int version, CancellationToken cancellationToken)
    {
        await using var notify = new NpgsqlCommand(
            "SELECT pg_notify($1, json_build_object('schema', current_schema(), 'kind', $2::text, 'version', $3::integer)::text)", connection, transaction);
        notify.Parameters.Add(new NpgsqlParameter { Value = PromotionChannel, NpgsqlDbType = NpgsqlDbType.Text });
        notify.Parameters.Add(new NpgsqlParameter { Value = kind, NpgsqlDbType = NpgsqlDbType.Text });
        notify.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Integer });
        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The notice if the payload is a promotion in <paramref name="schema"/>; null for another store's, or for a payload some other sender put on the channel.</summary>
    private static ModelPromotionNotice? ReadNotice(string payload, string schema)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("schema", out var of) && of.ValueKind == JsonValueKind.String && of.GetString() == schema
                && root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                && root.TryGetProperty("version", out var version) && version.TryGetInt32(out var number)
                    ? new ModelPromotionNotice(kind.GetString()!, number)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
