using System.Runtime.CompilerServices;
using Leadwise.Core.Access;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>API keys for the web API, kept as hashes of their secrets.</summary>
public sealed partial class PostgresLeadwiseStore
{
    private const string ApiKeyColumns = "id, name, created_at, revoked_at, account_id";

    public async Task<ApiKey> CreateApiKeyAsync(string name, UserId? account, DateTimeOffset createdAt, ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One statement: the account is checked and the key stored together, so a key never names a missing user.
        await using var command = new NpgsqlCommand("""
            INSERT INTO api_keys (name, created_at, secret_hash, account_id)
            SELECT $1, $2, $3, $4 WHERE $4 IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $4)
            RETURNING id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(createdAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = secretHash.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = account is { } owner ? owner.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        object? id;
        try
        {
            id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException("Another API key has the same secret.", exception);
        }

        return id is long stored
            ? new ApiKey(stored, name, new DateTimeOffset(ToStored(createdAt)), null, account)
            : throw UnknownAccount.For(account!.Value);
    }

    public async IAsyncEnumerable<ApiKey> ReadApiKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in QueryApiKeysAsync($"SELECT {ApiKeyColumns} FROM api_keys ORDER BY id", null, cancellationToken).ConfigureAwait(false))
        {
            yield return stored.Key;
        }
    }

    public async Task<ApiKey?> RevokeApiKeyAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING {ApiKeyColumns}", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(revokedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadApiKey(reader) : null;
    }

    public IAsyncEnumerable<StoredApiKey> ReadStoredApiKeysAsync(CancellationToken cancellationToken) =>
        QueryApiKeysAsync($"SELECT {ApiKeyColumns}, secret_hash FROM api_keys ORDER BY id", null, cancellationToken);

    public async Task<StoredApiKey?> FindApiKeyByHashAsync(ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken)
    {
        await foreach (var key in QueryApiKeysAsync($"SELECT {ApiKeyColumns}, secret_hash FROM api_keys WHERE secret_hash = $1", secretHash, cancellationToken).ConfigureAwait(false))
        {
            return key;
        }

        return null;
    }

    private async IAsyncEnumerable<StoredApiKey> QueryApiKeysAsync(string sql, ReadOnlyMemory<byte>? secretHash, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        if (secretHash is { } hash)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = hash.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredApiKey(ReadApiKey(reader), reader.FieldCount > 5 ? reader.GetFieldValue<byte[]>(5) : ReadOnlyMemory<byte>.Empty);
        }
    }

    private static ApiKey ReadApiKey(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        PostgresFieldSource.ReadTimestamp(reader, 2),
        reader.IsDBNull(3) ? null : PostgresFieldSource.ReadTimestamp(reader, 3),
        reader.IsDBNull(4) ? null : new UserId(reader.GetInt64(4)));
}
