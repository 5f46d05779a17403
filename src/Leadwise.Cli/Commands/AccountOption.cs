using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>--account &lt;userId&gt;</c>: limits a command to one account's (the export's user's) campaigns, leads and models,
/// as an account-bound API key does. Without it a command acts on the whole store, as it always did.
/// </summary>
internal sealed class AccountOption
{
    public Option<long?> Option { get; } = new("--account")
    {
        Description = "Only this account's data (the export's user id): its campaigns, leads and models; another account's lead, campaign or model is not found. Default: the whole store",
    };

    public void AddTo(Command command) => command.Options.Add(Option);

    /// <summary>The account asked for, checked to exist in the store; null without <c>--account</c>.</summary>
    /// <exception cref="UserFacingException">The store has no user with that id.</exception>
    public async Task<UserId?> ResolveAsync(ParseResult parseResult, ILeadwiseStore store, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(Option) is not { } id)
        {
            return null;
        }

        var account = new UserId(id);
        await foreach (var _ in store.ReadUsersAsync(account, cancellationToken))
        {
            return account;
        }

        throw new UserFacingException(string.Create(CultureInfo.InvariantCulture,
            $"--account: There is no account (user) {id} in {store.Description}; `leadwise status` counts the users; the export's Users.csv lists their ids."));
    }
}
