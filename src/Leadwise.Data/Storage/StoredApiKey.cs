using Leadwise.Core.Access;

namespace Leadwise.Data.Storage;

/// <summary>A key found by its secret's hash, with the hash as stored, so the caller can compare the two in constant time.</summary>
/// <param name="Key">The key.</param>
/// <param name="SecretHash">The SHA-256 hash of the key's secret (<see cref="ApiKeySecret.Hash"/>).</param>
public sealed record StoredApiKey(ApiKey Key, ReadOnlyMemory<byte> SecretHash);
