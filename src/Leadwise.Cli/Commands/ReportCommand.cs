using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Registry;
using Leadwise.Reports;
using Leadwise.Reports.Content;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise report</c>: the promoted (or a given) model version as one self-contained HTML page — held-out
/// metrics beside the base rate and the point rules, ROC, precision–recall, calibration, gain, score
/// distributions, feature importance, the store's conversion insights and, with a promoted sequence model, the
/// recommendations judged on held-out leads (<see cref="ReportMessageEvaluation"/>).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the HTML page", DefaultValueFactory = _ => new FileInfo("report.html") };
        var version = new Option<int?>("--version") { Description = "The model version to report on (default: the promoted one)" };
        var truth = new Option<string?>("--truth") { Description = "The ground truth `leadwise generate` wrote (the export folder or its truth/ folder): adds every policy's true value to the \"Which message to send\" section" };
        var command = new Command("report", "Write the model report: one self-contained HTML page with metrics, ROC, PR, calibration, gain, score distributions, feature importance, conversion insights and, with a sequence model, which message to send (the recommendations judged on held-out leads)") { output, version, truth };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var file = parseResult.GetRequiredValue(output);
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            await WriteAsync(context, store, parseResult.GetValue(version), file.FullName, parseResult.GetValue(truth), scope, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes the page for <paramref name="version"/> (default: the promoted one); <paramref name="truthFolder"/>, a generated
    /// export's ground truth, adds every policy's true value to the recommendation evaluation. With <paramref name="account"/>
    /// the page is that account's: its leads only, and the models its leads are served (its own promoted ones, else the
    /// install-wide ones); another account's <paramref name="version"/> is not found.
    /// </summary>
    public static async Task WriteAsync(CliContext context, ILeadwiseStore store, int? version, string path, string? truthFolder, UserId? account, CancellationToken cancellationToken)
    {
        var truth = truthFolder is null ? null : await EvaluateCommand.LoadTruthAsync(truthFolder, cancellationToken);
        var registry = new ConversionModelRegistry(store, context.Time, account);
        var number = version ?? await registry.ServedVersionAsync(cancellationToken)
            ?? throw new UserFacingException("No model is promoted yet: run `leadwise train` first, or name a version with --version.");
        var model = await registry.LoadAsync(number, cancellationToken);
        var leads = await StoreLeads.ReadAsync(store, account, cancellationToken);
        var source = account is { } owner ? string.Create(CultureInfo.InvariantCulture, $"{store.Description}, account {owner.Value}") : store.Description;
        var content = StoredModelReport.Build(number, model, leads, source, context.Time.GetUtcNow());
        content = await ReportMessageEvaluation.AddAsync(context, store, leads, content, truth, account, cancellationToken);

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the target and moved into place, so a failure never leaves half a page.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await HtmlModelReport.WriteAsync(content, stream, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote the report on model version {number} to [bold]{path}[/] ({new FileInfo(path).Length / 1024:N0} KB); open it in any browser (it needs no network).");
    }
}
