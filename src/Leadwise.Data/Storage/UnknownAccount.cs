using System.Globalization;
using Leadwise.Core.Outreach;

namespace Leadwise.Data.Storage;

/// <summary>The one wording both backends use when an API key would be bound to a user the store does not hold.</summary>
internal static class UnknownAccount
{
    public static ArgumentException For(UserId account) =>
        new(string.Create(CultureInfo.InvariantCulture, $"There is no account (user) {account.Value} in the store; a key can only be bound to an imported user."), nameof(account));
}
