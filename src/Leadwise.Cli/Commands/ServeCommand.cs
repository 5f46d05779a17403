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
        var openReads = new Option<bool>("--open-reads") { Description = "Serve reads without an API key (Leadwise:OpenReads); writes always need one (`leadwise apikey create`)" };
        var command = new Command("serve", "Run the web API (GET /recommend?leadId=…, /api/leads/{id}, POST /api/score, POST /api/events, /health/*, /openapi/v1.json) over the store") { urls, openReads };
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
                if (parseResult.GetValue(openReads))
                {
                    builder.Configuration[LeadwiseServer.OpenReadsSetting] = "true";
                }
            });
            context.Console.MarkupLineInterpolated($"Serving [bold]{Leadwise.Data.Postgres.StoreFactory.Describe(location)}[/] at [bold]{listen}[/] — try {listen.Split(';')[0]}/health/ready; Ctrl+C stops.");
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
}
