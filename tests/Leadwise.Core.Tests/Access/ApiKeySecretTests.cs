using System.Security.Cryptography;
using System.Text;
using Leadwise.Core.Access;

namespace Leadwise.Core.Tests.Access;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void Generate_MakesPrefixedBase64UrlSecrets_ThatDifferEachTime()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ApiKeySecret.Generate()).ToList();

        Assert.All(secrets, secret =>
        {
            Assert.StartsWith(ApiKeySecret.Prefix, secret, StringComparison.Ordinal);
            Assert.Equal(ApiKeySecret.Length, secret.Length);
            Assert.Matches("^lw_[A-Za-z0-9_-]{43}$", secret);
        });
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Hash_IsTheSha256OfTheSecretsUtf8Bytes()
    {
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes("lw_example")), ApiKeySecret.Hash("lw_example"));
        Assert.NotEqual(ApiKeySecret.Hash("lw_example"), ApiKeySecret.Hash("lw_examplf"));
    }
}
