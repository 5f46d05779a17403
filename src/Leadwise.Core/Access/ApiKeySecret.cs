using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Leadwise.Core.Access;

/// <summary>
/// API key secrets: <c>lw_</c> followed by 32 random bytes in base64url (43 characters), and the hash the
/// store keeps instead of the secret.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "lw_";

    /// <summary>The length of a secret <see cref="Generate"/> makes: the prefix and 43 base64url characters.</summary>
    public const int Length = 46;

    private const int RandomBytes = 32;

    /// <summary>A new secret from the operating system's cryptographic random source.</summary>
    /// <remarks>
    /// Not from an injected seed like the rest of Leadwise's randomness: a secret must be unpredictable, not
    /// reproducible.
    /// </remarks>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The SHA-256 hash of a secret's UTF-8 bytes: what the store keeps and looks keys up by.</summary>
    /// <remarks>
    /// A fast, unsalted hash is right here, unlike for passwords: a secret carries 256 random bits, so there is
    /// no dictionary to try and brute force is hopeless however fast each guess is; a slow hash would only slow
    /// down every API request.
    /// </remarks>
    public static byte[] Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }
}
