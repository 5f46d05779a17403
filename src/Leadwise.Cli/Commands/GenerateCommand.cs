using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise generate</c>: writes a realistic synthetic export with a known true reply model.</summary>
internal static class GenerateCommand
{
    public static Option<int> CreateLeadsOption() => new Option<int>("--leads")
    {
        Description = "How many leads to generate",
        DefaultValueFactory = _ => new GeneratorOptions().LeadCount,
    }.AtLeast(1);

    public static Option<int> CreateSeedOption() => new("--seed")
    {
        Description = "Random seed; the same seed gives byte-identical files",
        DefaultValueFactory = _ => new GeneratorOptions().Seed,
    };

    public static Command Create(CliContext context)
    {
        var leads = CreateLeadsOption();
        var seed = CreateSeedOption();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the five export files into (ground truth goes to <out>/truth/)",
            Required = true,
        };
        var wordingScale = new Option<double>("--wording-scale")
        {
            Description = "How much a message's wording moves its reply odds: 0 = its quality is independent of its text; 1 = each template phrase's effect as in docs/generator.md",
            DefaultValueFactory = _ => new Generator.Truth.TrueModelParameters().WordingScale,
        }.Finite();
        var latentQualitySd = new Option<double>("--latent-quality-sd")
        {
            Description = "Spread (reply logit) of the part of each message's quality that its text does not show",
            DefaultValueFactory = _ => new Generator.Truth.TrueModelParameters().LatentQualitySd,
        }.Finite(minimum: 0);
        var responsivenessSd = new Option<double>("--responsiveness-sd")
        {
            Description = "Spread (reply logit) of each lead's latent responsiveness, which no field shows unless a pre-contact history does",
            DefaultValueFactory = _ => new Generator.Truth.TrueModelParameters().ResponsivenessSd,
        }.Finite(minimum: 0.001);
        var historyDays = new Option<int>("--history-days")
        {
            Description = "Days each lead's person was known before the lead was created (website sessions and newsletters before contact); 0 = no history",
            DefaultValueFactory = _ => 0,
        }.AtLeast(0);
        var historySessions = new Option<double>("--history-sessions")
        {
            Description = "With --history-days: mean website sessions per person over that window",
            DefaultValueFactory = _ => 1.0,
        }.Finite(minimum: 0.001);
        var historyWeight = new Option<double>("--history-weight")
        {
            Description = "With --history-days: how strongly history sessions and newsletter opens follow the responsiveness (log rate per unit of it)",
            DefaultValueFactory = _ => 1.0,
        }.Finite(minimum: 0);
        var command = new Command("generate", "Generate a realistic outreach export whose replies follow a known true model")
        {
            leads,
            seed,
            output,
            wordingScale,
            latentQualitySd,
            responsivenessSd,
            historyDays,
            historySessions,
            historyWeight,
        };
        // Read from the token: a --history-days that is not a number is its own parse error, and must not throw here.
        command.OnlyApplyWith(
            result => result.GetResult(historyDays)?.Tokens is [var days] && int.TryParse(days.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0,
            "--history-days above 0", historySessions, historyWeight);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var spread = parseResult.GetValue(responsivenessSd);
            var days = parseResult.GetValue(historyDays);
            var engagement = new Generator.Truth.EngagementModelParameters();
            var options = new GeneratorOptions
            {
                LeadCount = parseResult.GetValue(leads),
                Seed = parseResult.GetValue(seed),
                Model = new Generator.Truth.TrueModelParameters { WordingScale = parseResult.GetValue(wordingScale), LatentQualitySd = parseResult.GetValue(latentQualitySd), ResponsivenessSd = spread },
                Engagement = days > 0 ? engagement.WithHistory(days, parseResult.GetValue(historySessions), parseResult.GetValue(historyWeight), spread) : engagement,
            };
            await RunAsync(context.Console, options, parseResult.GetRequiredValue(output).FullName, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Generates and writes an export with progress; shared with quickstart.</summary>
    public static async Task RunAsync(IAnsiConsole console, GeneratorOptions options, string folder, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Generating [bold]{options.LeadCount:N0}[/] leads (seed {options.Seed}) into [bold]{folder}[/]");
        var stopwatch = Stopwatch.StartNew();
        var export = new OutreachGenerator().Generate(options);
        await ProgressDisplay.RunAsync(console, async progress =>
        {
            await new GeneratedExportWriter().WriteAsync(export, folder, progress, cancellationToken).ConfigureAwait(false);
            return true;
        });
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[green]Generated[/] {export.Users.Count:N0} users, {export.Campaigns.Count:N0} campaigns, {export.Messages.Count:N0} messages, {options.LeadCount:N0} leads in {stopwatch.Elapsed.TotalSeconds:F1} s; ground truth in [bold]{Path.Combine(folder, "truth")}[/]");
    }
}
