using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Generator.Truth;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Evaluation.OffPolicy;
using Leadwise.Recommend.Modeling;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise evaluate recommend</c>: the sequence model and its recommendations judged on held-out leads of the store —
/// per-step AUC and calibration, off-policy estimates (IPS, SNIPS, doubly robust) of Leadwise and of every baseline
/// (Leadwise per campaign, the best single sequence from the logs, popularity, the seed's SVD) against the logged policy
/// with overlap diagnostics, and with <c>--truth</c> (a generated export's ground truth) every policy's true value.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the lead split, the model's cross-validation and the bootstrap (same seed, same numbers)", DefaultValueFactory = _ => 0 };
        var holdOut = new Option<double>("--hold-out") { Description = "Share of leads held out (the model never sees their outcomes)", DefaultValueFactory = _ => 0.3 };
        holdOut.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value is <= 0 or >= 1)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--hold-out must lie strictly between 0 and 1, got {value}."));
            }
        });
        var byTime = new Option<bool>("--split-by-time") { Description = "Hold out the leads invited last (the newest --hold-out share by invite time) instead of a random share of leads" };
        var messageText = new MessageTextOptions();
        var textDimensions = new Option<int>("--text-dimensions") { Description = "Components of the message text the sequence model reads with --message-text --text-reader components", DefaultValueFactory = _ => new HazardModelOptions().TextDimensions };
        textDimensions.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--text-dimensions must be at least 1, got {value}."));
            }
        });
        var truth = new Option<string?>("--truth") { Description = "The ground truth `leadwise generate` wrote (the export folder or its truth/ folder): adds every policy's true value" };
        var recommend = new Command("recommend", "Judge the sequence recommendations on held-out leads: hazard model AUC and calibration per step, off-policy value of Leadwise and the baselines vs the logged sequences (IPS, SNIPS, doubly robust, with intervals and overlap), and with --truth the true value of every policy and baseline") { seed, holdOut, byTime, textDimensions, truth };
        messageText.AddTo(recommend, textDimensions);
        var account = new AccountOption();
        account.AddTo(recommend);
        recommend.SetAction(async (parseResult, cancellationToken) =>
        {
            GroundTruthReplies? replies = null;
            if (parseResult.GetValue(truth) is { } folder)
            {
                replies = await LoadTruthAsync(folder, cancellationToken);
            }

            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            // With --account: its leads and campaigns only, so the split, the propensities and the baselines are that account's alone.
            // The sequence model is trained on the training part here, never the served one, so no registry is read.
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var leads = await StoreLeads.ReadAsync(store, scope, cancellationToken);
            var campaigns = await ReadCampaignsAsync(store, scope, cancellationToken);
            EnsureTruthBelongs(replies, leads);
            var options = new PolicyEvaluationOptions { Seed = parseResult.GetValue(seed), HoldOutShare = parseResult.GetValue(holdOut), SplitByTime = parseResult.GetValue(byTime), Model = new HazardModelOptions { TextFeatures = messageText.Value(parseResult) is not null, TextReader = parseResult.GetValue(messageText.Reader), TextDimensions = parseResult.GetValue(textDimensions) } };
            RecommendationEvaluationReport report;
            try
            {
                report = RecommendationEvaluation.Run(leads.All, campaigns, leads.Messages, replies, options, cancellationToken);
            }
            catch (NotEnoughDataException exception)
            {
                throw new UserFacingException($"Cannot train the sequence model on the training leads: {exception.Message}");
            }

            Write(context.Console, report, options);
            return ExitCodes.Success;
        });
        return new Command("evaluate", "Evaluate models on held-out data") { recommend };
    }

    /// <summary>The store's campaigns (only <paramref name="account"/>'s when given), which the evaluation's candidates and propensities are drawn from.</summary>
    internal static async Task<IReadOnlyList<Campaign>> ReadCampaignsAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        await foreach (var found in store.ReadCampaignsAsync(account, cancellationToken))
        {
            campaigns.Add(found);
        }

        return campaigns;
    }

    /// <summary>A truth of another export would score policies on profiles of other leads: refused with how many leads it lacks.</summary>
    internal static void EnsureTruthBelongs(GroundTruthReplies? replies, StoreLeads leads)
    {
        if (replies is not null && leads.All.Count(f => !replies.Knows(f.Lead.Id)) is var unknown and > 0)
        {
            throw new UserFacingException(string.Create(CultureInfo.InvariantCulture,
                $"The ground truth does not belong to this store: {unknown:N0} of its {leads.All.Count:N0} leads are not in it. Give the truth of the export that was imported."));
        }
    }

    /// <summary>Reads <c>--truth</c>: the folder <c>leadwise generate --out</c> wrote, or its truth/ folder; unreadable is one clear line.</summary>
    internal static async Task<GroundTruthReplies> LoadTruthAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            return new GroundTruthReplies(await GroundTruth.LoadAsync(folder, cancellationToken));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException)
        {
            throw new UserFacingException($"--truth {folder}: cannot read the ground truth ({exception.Message}). Give the folder `leadwise generate --out` wrote, or its truth/ folder.");
        }
    }

    private static void Write(IAnsiConsole console, RecommendationEvaluationReport report, PolicyEvaluationOptions options)
    {
        var split = options.SplitByTime
            ? string.Create(CultureInfo.InvariantCulture, $"Split by time (the newest {options.HoldOutShare:P0} of invited leads held out)")
            : string.Create(CultureInfo.InvariantCulture, $"Split seed {report.Seed}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{split}: the sequence model trained on [bold]{report.TrainingLeads:N0}[/] leads (hazard: {report.Model.Hazard.Chosen}, acceptance: {report.Model.Acceptance?.Chosen.ToString() ?? "none"}, message text: {MessageTextDescription.Describe(report.Model)}), evaluated on [bold]{report.HeldOutLeads:N0}[/] held-out leads.");
        console.Write(ModelTable(report));
        console.Write(OffPolicyTable(report));
        console.Write(OverlapTable(report));
        foreach (var estimate in report.OffPolicy)
        {
            foreach (var result in estimate.Estimators.Where(e => e.Note is not null && e.Estimator != EstimatorResult.DirectMethod))
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{(result.Supported ? "grey" : "yellow")}]{estimate.Policy}, {result.Estimator}: {result.Note}[/]");
            }
        }

        console.MarkupLine("[grey]Off-policy estimates use the logged replies only: a reply at step k counts with weight 1/P(the lead's campaign) when the policy's first k + 1 messages are the lead's logged ones. " +
            "Propensities are campaign shares per user × campaign type, refined by language, seniority and industry (assumed to be all the assignment depended on). DR adds the hazard model's expected value; DM is the model alone. " +
            "The baselines are valued the same way; a sequence mixing messages of several campaigns was never sent as a whole, so IPS and SNIPS cannot speak for it and DR only where its invite was logged for such leads.[/]");
        if (report.Truth is { } truth)
        {
            console.Write(TruthTable(truth));
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[grey]Gain captured = (policy − logged)/(oracle − logged). {truth.EvaluatedLeads:N0} held-out leads, {truth.LeadsWithInviteChoice:N0} with a choice of invite; where the oracle sends different sequences within a campaign, Leadwise does for {truth.DiffersWhenTruthDiffers:P0} of those leads.[/]");
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Gain captured relative to the attainable policy (each message's quality at its posterior given the training logs, the most the logs allow): Leadwise per lead {truth.AttainableGainCaptured(PolicyEvaluationReport.Leadwise):P1}, the truth without latent traits {truth.AttainableGainCaptured(PolicyEvaluationReport.FeaturesOnly):P1}.");
            console.MarkupLine("[grey]The best single sequence by the truth is chosen per campaign with the generator's help (no off-policy row: real data has no such policy); the one from the logs is the logged campaign sequence whose training leads replied most.[/]");
        }
    }

    private static Table ModelTable(RecommendationEvaluationReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Sequence model on held-out leads");
        table.AddColumn("Stage");
        table.AddColumn(new TableColumn("Rows").RightAligned());
        table.AddColumn(new TableColumn("Positives").RightAligned());
        table.AddColumn(new TableColumn("ROC AUC").RightAligned());
        table.AddColumn(new TableColumn("Calibration error").RightAligned());
        table.AddColumn(new TableColumn("Predicted").RightAligned());
        table.AddColumn(new TableColumn("Observed").RightAligned());
        void Add(string stage, StepMetrics m) => table.AddRow(
            stage,
            m.Rows.ToString("N0", CultureInfo.InvariantCulture),
            m.Positives.ToString("N0", CultureInfo.InvariantCulture),
            double.IsNaN(m.RocAuc) ? "–" : m.RocAuc.ToString("F3", CultureInfo.InvariantCulture),
            m.CalibrationError.ToString("F4", CultureInfo.InvariantCulture),
            m.MeanPredicted.ToString("P2", CultureInfo.InvariantCulture),
            m.ObservedRate.ToString("P2", CultureInfo.InvariantCulture));
        foreach (var step in report.HeldOutHazard)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"reply at step {step.Step}"), step);
        }

        if (report.HeldOutAcceptance is { } acceptance)
        {
            Add("invite acceptance", acceptance);
        }

        return table;
    }

    private static Table OffPolicyTable(RecommendationEvaluationReport report)
    {
        var leads = report.OffPolicy.Count == 0 ? 0 : report.OffPolicy[0].Leads.Count;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(string.Create(CultureInfo.InvariantCulture, $"Off-policy value from the logs (reply probability, 95% bootstrap interval; {leads:N0} held-out leads with their whole sequence observed)"));
        table.AddColumn("Policy");
        foreach (var name in new[] { EstimatorResult.Ips, EstimatorResult.SelfNormalisedIps, EstimatorResult.DoublyRobust, EstimatorResult.DirectMethod })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        if (report.OffPolicyTruth is not null)
        {
            table.AddColumn(new TableColumn("True value").RightAligned());
        }

        foreach (var estimate in report.OffPolicy)
        {
            var cells = new List<string> { estimate.Policy };
            cells.AddRange(estimate.Estimators.Select(Cell));
            if (report.OffPolicyTruth is { } truth)
            {
                cells.Add(truth[estimate.Policy].ToString("P2", CultureInfo.InvariantCulture));
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    private static string Cell(EstimatorResult result) =>
        result.Value is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"{value:P2} [{result.Low:P2}, {result.High:P2}]")
            : "not supported";

    private static Table OverlapTable(RecommendationEvaluationReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Overlap with the logged choices");
        table.AddColumn("Policy");
        table.AddColumn(new TableColumn("Invite logged").RightAligned());
        table.AddColumn(new TableColumn("Sequence logged").RightAligned());
        table.AddColumn(new TableColumn("ESS invite").RightAligned());
        table.AddColumn(new TableColumn("ESS sequence").RightAligned());
        table.AddColumn(new TableColumn("Invite never logged").RightAligned());
        table.AddColumn(new TableColumn("Sequence never logged").RightAligned());
        table.AddColumn(new TableColumn("Max weight").RightAligned());
        foreach (var estimate in report.OffPolicy)
        {
            var o = estimate.Overlap;
            table.AddRow(
                Markup.Escape(estimate.Policy),
                o.InviteMatches.ToString("N0", CultureInfo.InvariantCulture),
                o.SequenceMatches.ToString("N0", CultureInfo.InvariantCulture),
                o.InviteEffectiveSampleSize.ToString("N0", CultureInfo.InvariantCulture),
                o.SequenceEffectiveSampleSize.ToString("N0", CultureInfo.InvariantCulture),
                o.NearZeroInviteShare.ToString("P1", CultureInfo.InvariantCulture),
                o.UnloggedSequenceShare.ToString("P1", CultureInfo.InvariantCulture),
                o.MaxWeight.ToString("N1", CultureInfo.InvariantCulture));
        }

        table.Caption("Invite / sequence logged: leads whose logged invite (sequence) is the policy's. ESS: effective leads behind the weights. Never logged: propensity below 1 % for such leads.");
        return table;
    }

    private static Table TruthTable(PolicyEvaluationReport truth)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("True value on held-out leads (ground truth)");
        table.AddColumn("Policy");
        table.AddColumn(new TableColumn("Mean true reply rate").RightAligned());
        table.AddColumn(new TableColumn("Regret vs oracle").RightAligned());
        table.AddColumn(new TableColumn("Invite = oracle's").RightAligned());
        table.AddColumn(new TableColumn("Gain captured").RightAligned());
        table.AddColumn(new TableColumn("Distinct sequences").RightAligned());
        foreach (var p in truth.Policies)
        {
            table.AddRow(
                Markup.Escape(p.Policy),
                p.MeanReplyProbability.ToString("P2", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{p.Regret * 100:F2} pp"),
                double.IsNaN(p.InviteMatchesOracle) ? "–" : p.InviteMatchesOracle.ToString("P1", CultureInfo.InvariantCulture),
                double.IsNaN(p.GainCaptured) ? "–" : p.GainCaptured.ToString("P1", CultureInfo.InvariantCulture),
                p.DistinctSequences.ToString("N0", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
