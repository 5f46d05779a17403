using System.Runtime.CompilerServices;
using Leadwise.Core.Access;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>API keys for the web API, kept as hashes of their secrets.</summary>
public sealed partial class SqliteLeadwiseStore
{
    private const string ApiKeyColumns = "id, name, created_at, revoked_at, account_id";

    public async Task<ApiKey> CreateApiKeyAsync(string name, UserId? account, DateTimeOffset createdAt, ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // One statement: the account is checked and the key stored together, so a key never names a missing user.
        command.CommandText = """
            INSERT INTO api_keys (name, created_at, secret_hash, account_id)
            SELECT $name, $created, $hash, $account WHERE $account IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $account)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(createdAt));
        command.Parameters.Add("$hash", SqliteType.Blob).Value = secretHash.ToArray();
        command.Parameters.AddWithValue("$account", account is { } owner ? owner.Value : DBNull.Value);
        object? id;
        try
        {
            id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 19 /* SQLITE_CONSTRAINT */)
        {
            throw new InvalidOperationException("Another API key has the same secret.", exception);
        }

        return id is long stored
            ? new ApiKey(stored, name, StoreTimestamps.FromMicroseconds(StoreTimestamps.ToMicroseconds(createdAt)), null, account)
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
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE api_keys SET revoked_at = coalesce(revoked_at, $at) WHERE id = $id RETURNING {ApiKeyColumns}";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", StoreTimestamps.ToMicroseconds(revokedAt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadApiKey(reader) : null;
    }

    public IAsyncEnumerable<StoredApiKey> ReadStoredApiKeysAsync(CancellationToken cancellationToken) =>
        QueryApiKeysAsync($"SELECT {ApiKeyColumns}, secret_hash FROM api_keys ORDER BY id", null, cancellationToken);

    public async Task<StoredApiKey?> FindApiKeyByHashAsync(ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken)
    {
        await foreach (var key in QueryApiKeysAsync($"SELECT {ApiKeyColumns}, secret_hash FROM api_keys WHERE secret_hash = $hash", secretHash, cancellationToken).ConfigureAwait(false))
        {
            return key;
        }

        return null;
    }

    private async IAsyncEnumerable<StoredApiKey> QueryApiKeysAsync(string sql, ReadOnlyMemory<byte>? secretHash, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (secretHash is { } hash)
        {
            command.Parameters.Add("$hash", SqliteType.Blob).Value = hash.ToArray();
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredApiKey(ReadApiKey(reader), reader.FieldCount > 5 ? (byte[])reader.GetValue(5) : ReadOnlyMemory<byte>.Empty);
        }
    }

    private static ApiKey ReadApiKey(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        StoreTimestamps.FromMicroseconds(reader.GetInt64(2)),
        reader.IsDBNull(3) ? null : StoreTimestamps.FromMicroseconds(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : new UserId(reader.GetInt64(4)));
}
