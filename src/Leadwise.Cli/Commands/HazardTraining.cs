using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// The sequence (hazard) model's part of <c>leadwise train</c>: trains it on the store's step rows, prints its held-out
/// AUCs on one line, and saves it as a version of kind hazard under the same rules as the conversion model (the first
/// version is promoted, later ones with <c>--promote</c>; <c>--dry-run</c> saves nothing). Too few replies is a
/// yellow line, not an error: the conversion model was trained anyway.
/// </summary>
internal static class HazardTraining
{
    /// <returns>The trained model, or null when the store has too few replies for it.</returns>
    public static Task<HazardModel?> RunAsync(CliContext context, ILeadwiseStore store, StoreLeads leads, int folds, int seed, bool save, bool promote, MessageTextReader? messageText, CancellationToken cancellationToken) =>
        RunAsync(context, store, leads, folds, seed, save, promote, messageText, null, cancellationToken);

    /// <summary>As the store-wide run, on one account's leads, saving the version as that account's own.</summary>
    public static async Task<HazardModel?> RunAsync(CliContext context, ILeadwiseStore store, StoreLeads leads, int folds, int seed, bool save, bool promote, MessageTextReader? messageText, UserId? account, CancellationToken cancellationToken)
    {
        HazardModel model;
        try
        {
            model = StoreSequenceTraining.Train(leads, folds, seed, cancellationToken, messageText);
        }
        catch (NotEnoughDataException exception)
        {
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[yellow]Sequence model not trained{(account is { } owner ? $" for account {owner.Value}" : string.Empty)}: too few replies per step ({exception.Message})[/]");
            return null;
        }

        var report = model.Report;
        var acceptance = report.Acceptance is { } stage
            ? string.Create(CultureInfo.InvariantCulture, $", invite acceptance {HazardModelRegistry.HeldOutAuc(stage):F3}")
            : string.Empty;
        context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Sequence model held-out ROC AUC: reply hazard {HazardModelRegistry.HeldOutAuc(report.Hazard):F3} ({report.Hazard.Chosen}){acceptance}; message text: {MessageTextDescription.Describe(report)}");
        if (!save)
        {
            return model;
        }

        var registry = new HazardModelRegistry(store, context.Time, account);
        var saved = await registry.SaveAsync(model, cancellationToken);
        if (await registry.PromoteNewVersionAsync(saved.Version, promote, cancellationToken) is not { } current)
        {
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Saved the sequence model as version [bold]{saved.Version}[/]{(account is { } owner ? $" of account {owner.Value}" : string.Empty)} and promoted it: `leadwise recommend` now uses it.");
        }
        else
        {
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Saved the sequence model as version [bold]{saved.Version}[/]; sequence model version {current} stays promoted.");
        }

        return model;
    }
}
