using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Access;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise apikey create | list | revoke</c>: the keys programs send to the web API. The store keeps only a
/// hash of each secret, so <c>create</c> is the one time a secret is shown.
/// </summary>
internal static class ApiKeyCommand
{
    private const int MaxNameLength = 100;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("apikey", "Create, list and revoke the API keys the web API (`leadwise serve`) accepts");
        command.Subcommands.Add(CreateKey(context, globals));
        command.Subcommands.Add(List(context, globals));
        command.Subcommands.Add(Revoke(context, globals));
        return command;
    }

    private static Command CreateKey(CliContext context, GlobalOptions globals)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. the CRM that will use it", Required = true };
        var account = new Option<long?>("--account")
        {
            Description = "Bind the key to this account (the export's user id): it then sees and changes only that account's campaigns, leads and events. Without it the key is install-wide",
        };
        var command = new Command("create", "Create a key and print its secret (shown this once: only its hash is stored)") { name, account };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var keyName = parseResult.GetValue(name)!.Trim();
            if (keyName.Length is 0 or > MaxNameLength)
            {
                throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"--name must be 1 to {MaxNameLength} characters."));
            }

            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var secret = ApiKeySecret.Generate();
            var owner = parseResult.GetValue(account) is { } id ? new UserId(id) : (UserId?)null;
            ApiKey key;
            try
            {
                key = await store.CreateApiKeyAsync(keyName, owner, context.Time.GetUtcNow(), ApiKeySecret.Hash(secret), cancellationToken);
            }
            catch (ArgumentException exception) when (owner is not null)
            {
                throw new UserFacingException($"--account: {exception.Message.Split(" (Parameter", 2)[0]} `leadwise status` counts the users; the export's Users.csv lists their ids.");
            }

            context.Console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"Created API key {key.Id} ({key.Name}){(key.Account is { } bound ? $" for account {bound.Value}: it sees and changes only that account's data" : ", install-wide: it sees every account")}. Its secret, shown only now:");
            // Plain, on a line of its own, so it can be copied or captured by a script.
            context.Console.WriteLine(secret);
            context.Console.MarkupLine("Send it as [bold]Authorization: Bearer <secret>[/] or [bold]X-Api-Key: <secret>[/]. Lost secrets cannot be shown again: revoke the key and create another.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context, GlobalOptions globals)
    {
        var command = new Command("list", "Every key with its name, creation time and whether it is revoked (never the secrets)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).Title("API keys");
            table.AddColumn(new TableColumn("Id").RightAligned());
            table.AddColumn("Name");
            table.AddColumn("Created (UTC)");
            table.AddColumn("Status");
            table.AddColumn("Account");
            await foreach (var key in store.ReadApiKeysAsync(cancellationToken))
            {
                table.AddRow(
                    key.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(key.Name),
                    Time(key.CreatedAt),
                    key.RevokedAt is { } revoked ? $"[red]revoked[/] {Time(revoked)}" : "[green]active[/]",
                    key.Account is { } owner ? owner.Value.ToString(CultureInfo.InvariantCulture) : "all (install-wide)");
            }

            if (table.Rows.Count == 0)
            {
                context.Console.MarkupLine("No API keys yet: `leadwise apikey create --name <name>` creates one.");
                return ExitCodes.Success;
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(CliContext context, GlobalOptions globals)
    {
        var id = new Argument<long>("id") { Description = "The key's id (see `leadwise apikey list`)" };
        var command = new Command("revoke", "Revoke a key: the web API rejects it from now on") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var number = parseResult.GetValue(id);
            var existing = await FindAsync(store, number, cancellationToken)
                ?? throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no API key {number}; `leadwise apikey list` shows the keys."));
            if (existing.RevokedAt is { } revokedAt)
            {
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"API key {existing.Id} ({existing.Name}) was already revoked at {Time(revokedAt)} UTC.");
                return ExitCodes.Success;
            }

            await store.RevokeApiKeyAsync(number, context.Time.GetUtcNow(), cancellationToken);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Revoked API key {existing.Id} ({existing.Name}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ApiKey?> FindAsync(ILeadwiseStore store, long id, CancellationToken cancellationToken)
    {
        await foreach (var key in store.ReadApiKeysAsync(cancellationToken))
        {
            if (key.Id == id)
            {
                return key;
            }
        }

        return null;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
