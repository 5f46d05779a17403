using System.CommandLine;
using Leadwise.Data.Storage;
using Leadwise.Server;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise serve</c>: the web API over the store, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated)", DefaultValueFactory = _ => DefaultUrls };
        var openReads = new Option<bool>("--open-reads") { Description = "Serve reads (the dashboard, GET /api/…) without an API key even when listening beyond this machine (Leadwise:OpenReads); on loopback addresses only they are open anyway; writes always need a key (`leadwise apikey create`)" };
        var readDatabase = new Option<string?>("--read-db") { Description = "A PostgreSQL streaming replica of the --db database for read-only requests (Leadwise:ReadDatabase); writes, event scoring and API-key checks stay on the primary (docs/scaling.md)" };
        var command = new Command("serve", "Run the web API (GET /recommend?leadId=…, /api/leads, /api/leads/{id}, POST /api/score, POST /api/events, /health/*, /openapi/v1.json) and the dashboard (/) over the store; reads are open when it listens on this machine only") { urls, openReads, readDatabase };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var location = StoreLocation.Resolve(parseResult.GetValue(globals.Database), context.Environment);
            if (!StoreLocation.IsPostgres(location) && !File.Exists(location))
            {
                throw new UserFacingException($"There is no store at {Path.GetFullPath(location)}; run 'leadwise import <folder>' or 'leadwise quickstart' first, or pass --db.");
            }

            var listen = parseResult.GetRequiredValue(urls);
            await using var app = LeadwiseServer.Build(["--urls", listen], builder =>
            {
                builder.Configuration[LeadwiseServer.DatabaseSetting] = location;
                if (parseResult.GetValue(readDatabase) is { Length: > 0 } replica)
                {
                    builder.Configuration[LeadwiseServer.ReadDatabaseSetting] = replica;
                }

                if (parseResult.GetValue(openReads) || ListensOnThisMachineOnly(listen))
                {
                    builder.Configuration[LeadwiseServer.OpenReadsSetting] = "true";
                }
            });
            var readsFrom = parseResult.GetValue(readDatabase) is { Length: > 0 } read ? $" (reads from {Leadwise.Data.Postgres.StoreFactory.Describe(read)})" : string.Empty;
            context.Console.MarkupLineInterpolated($"Serving [bold]{Leadwise.Data.Postgres.StoreFactory.Describe(location)}[/]{readsFrom} at [bold]{listen}[/] — try {listen.Split(';')[0]}/health/ready; Ctrl+C stops.");
            await app.StartAsync(cancellationToken);
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C through System.CommandLine: a normal stop.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Whether every address is a loopback one (127.0.0.0/8, [::1], localhost): then only this machine's users can reach
    /// the server, and a browser — which cannot send an API key — can open the dashboard without one.
    /// </summary>
    internal static bool ListensOnThisMachineOnly(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return addresses.Length > 0 && addresses.All(address =>
            Uri.TryCreate(address, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip))));
    }
}
