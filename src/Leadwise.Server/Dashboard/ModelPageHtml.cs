using System.Globalization;
using Leadwise.Core.Models;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Model;
using Leadwise.Learning.Monitoring;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Leadwise.Reports.Charts;
using Leadwise.Reports.Curves;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// The dashboard's model pages: <c>/models</c> lists every saved version of both kinds, <c>/models/{version}</c> shows
/// one: for a conversion model its held-out metrics against the baselines, ROC, calibration and gain charts with their
/// key numbers as text, permutation importance and drift; for a sequence (hazard) model what its report holds.
/// </summary>
internal static class ModelPageHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="versions">The versions to list.</param>
    /// <param name="promoted">The promoted version of each (kind, account) history: install-wide ones and each account's own.</param>
    public static string RenderList(IReadOnlyList<ModelVersion> versions, IReadOnlySet<int> promoted)
    {
        var html = DashboardLayout.Begin("Models");
        html.Element("h1", "Models");
        if (versions.Count == 0)
        {
            html.Open("div", ("class", "problem"), ("role", "status"))
                .Text("No model has been trained yet. Run leadwise train (or leadwise quickstart) on this store: it trains and promotes the conversion model that scores leads and the sequence model that recommends messages.")
                .Close();
            return DashboardLayout.End(html);
        }

        html.Element("p", "Every saved version; the promoted install-wide one of each kind serves every account, except an account with a promoted version of its own, which serves that account's leads.", ("class", "muted"));
        html.Open("table", ("class", "models")).Open("thead").Open("tr")
            .Element("th", "Version").Element("th", "Kind").Element("th", "Account").Element("th", "Served").Element("th", "Trained (UTC)").Element("th", "Trainer").Element("th", "Held-out AUC")
            .Close().Close().Open("tbody");
        foreach (var version in versions.OrderByDescending(v => v.Version))
        {
            var (trainer, auc) = Describe(version);
            var served = !promoted.Contains(version.Version) ? "—"
                : version.Account is { } owner ? string.Create(Invariant, $"promoted for account {owner.Value}")
                : "promoted";
            html.Open("tr", ("data-version", version.Version.ToString(Invariant)))
                .Open("td").Element("a", "Version " + version.Version.ToString(Invariant), ("href", "/models/" + version.Version.ToString(Invariant))).Close()
                .Element("td", KindName(version.Kind))
                .Element("td", version.Account is { } account ? account.Value.ToString(Invariant) : "all (install-wide)")
                .Element("td", served)
                .Element("td", version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant))
                .Element("td", trainer)
                .Element("td", auc is { } value ? F3(value) : "—")
                .Close();
        }

        html.Close().Close();
        return DashboardLayout.End(html);
    }

    public static string RenderNotFound(int version)
    {
        var html = DashboardLayout.Begin("Model not found");
        html.Element("h1", "Model not found");
        html.Open("div", ("class", "problem"), ("role", "alert")).Text(string.Create(Invariant, $"There is no model version {version}. ")).Element("a", "All models", ("href", "/models")).Close();
        return DashboardLayout.End(html);
    }

    public static string RenderConversion(ModelVersion version, bool promoted, ConversionPage page, CurrentDrift drift)
    {
        var card = page.Model.Card;
        var html = Begin(version, promoted);
        html.Element("p", string.Create(Invariant, $"{card.Trainer} with {card.Calibration} calibration · {card.Rows:N0} leads, {card.Positives:N0} converted · {card.Folds}-fold cross-validation, seed {card.Seed} · {card.FeatureNames.Count} features"), ("class", "muted"));
        Metrics(html, page);
        Chart(html, "ROC curve", page.Roc, string.Create(Invariant,
            $"Held-out ROC AUC {F3(card.Metrics.RocAuc)} (95 % interval {F3(card.Metrics.RocAucLow)}–{F3(card.Metrics.RocAucHigh)}); point rules {(page.PointsAuc is { } p ? F3(p) : "—")}; chance 0.500."));
        Chart(html, "Calibration", page.Calibration, string.Create(Invariant, $"Expected calibration error {F3(card.Metrics.CalibrationError)}; Brier {F3(card.Metrics.Brier)}."));
        ReliabilityTable(html, ReportCurves.Reliability(page.Content.Probabilities, page.Content.Labels));
        Chart(html, "Lift and gain", page.Gain, string.Join("; ", page.Metrics.Lift.Select(at => string.Create(Invariant, $"top {at.Share:0%} of leads hold {at.Gain:0.0%} of conversions (lift ×{at.Lift:0.0})"))) + ".");
        Importance(html, card.Importance, page.Importance);
        Drift(html, drift);
        return DashboardLayout.End(html);
    }

    public static string RenderHazard(ModelVersion version, bool promoted, HazardModelReport report)
    {
        var html = Begin(version, promoted);
        html.Element("p", "A sequence (hazard) model: it predicts the reply probability at each step of a message sequence, for the recommendations.", ("class", "muted"));
        foreach (var stage in new[] { report.Hazard, report.Acceptance }.OfType<StageReport>())
        {
            html.Element("h2", "Stage: " + stage.Stage);
            html.Element("p", string.Create(Invariant, $"Chosen trainer {stage.Chosen}, held-out AUC {F3(HazardModelRegistry.HeldOutAuc(stage))} · {stage.Rows:N0} rows, {stage.Positives:N0} positive · {stage.ShrunkMessages:N0} messages shrunk to the prior."));
            html.Open("table", ("class", "trainers")).Open("thead").Open("tr").Element("th", "Trainer").Element("th", "ROC AUC").Element("th", "Log loss").Element("th", "ECE").Close().Close().Open("tbody");
            foreach (var trainer in stage.Trainers)
            {
                html.Open("tr").Element("td", trainer.Trainer + (trainer.Trainer == stage.Chosen ? " (chosen)" : string.Empty))
                    .Element("td", F3(trainer.RocAuc)).Element("td", F3(trainer.LogLoss)).Element("td", F3(trainer.CalibrationError)).Close();
            }

            html.Close().Close();
            html.Open("table", ("class", "steps")).Open("thead").Open("tr")
                .Element("th", "Step").Element("th", "Rows").Element("th", "Positive").Element("th", "ROC AUC").Element("th", "Calibration error").Element("th", "Mean predicted").Element("th", "Observed rate")
                .Close().Close().Open("tbody");
            foreach (var step in stage.Steps)
            {
                html.Open("tr", ("data-step", step.Step.ToString(Invariant)))
                    .Element("td", step.Step == 0 ? "Invite" : "Follow-up " + step.Step.ToString(Invariant))
                    .Element("td", step.Rows.ToString("N0", Invariant)).Element("td", step.Positives.ToString("N0", Invariant))
                    .Element("td", F3(step.RocAuc)).Element("td", F3(step.CalibrationError))
                    .Element("td", P1(step.MeanPredicted)).Element("td", P1(step.ObservedRate)).Close();
            }

            html.Close().Close();
        }

        return DashboardLayout.End(html);
    }

    /// <summary>A version of a kind this server does not use: what the registry says about it, nothing more.</summary>
    public static string RenderOther(ModelVersion version, bool promoted)
    {
        var html = Begin(version, promoted);
        html.Element("p", version.Summary);
        return DashboardLayout.End(html);
    }

    private static HtmlWriter Begin(ModelVersion version, bool promoted)
    {
        var title = string.Create(Invariant, $"Model version {version.Version}");
        var html = DashboardLayout.Begin(title);
        html.Open("p").Element("a", "← All models", ("href", "/models")).Close();
        html.Element("h1", title);
        html.Element("p", string.Create(Invariant, $"{KindName(version.Kind)} · trained {version.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · {(promoted ? "promoted: the server uses it" : "not promoted")}"), ("class", "muted"));
        return html;
    }

    private static void Metrics(HtmlWriter html, ConversionPage page)
    {
        var card = page.Model.Card;
        var m = card.Metrics;
        var i = page.Intervals;
        var baseRate = m.BaseRate;
        html.Element("h2", "Held-out metrics");
        html.Element("p", "Out-of-fold: each lead scored by a model that never saw it. Intervals are 95 % bootstrap intervals.", ("class", "muted"));
        html.Open("table", ("class", "metrics")).Open("thead").Open("tr")
            .Element("th", "Model").Element("th", "ROC AUC (95 % interval)").Element("th", "PR AUC").Element("th", "Brier").Element("th", "Log loss").Element("th", "Calibration error").Element("th", "Lift, top 10 %")
            .Close().Close().Open("tbody");
        html.Open("tr", ("data-row", "model")).Element("td", $"{card.Trainer}, {card.Calibration} calibration (scores use this)")
            .Element("td", $"{F3(m.RocAuc)} ({F3(m.RocAucLow)}–{F3(m.RocAucHigh)})")
            .Element("td", WithInterval(m.PrAuc, i.PrAuc)).Element("td", WithInterval(m.Brier, i.Brier)).Element("td", WithInterval(m.LogLoss, i.LogLoss))
            .Element("td", WithInterval(m.CalibrationError, i.CalibrationError)).Element("td", "×" + F1(m.LiftTop10) + Interval(i.LiftAt10, F1))
            .Close();
        foreach (var trainer in card.Trainers.Where(t => t.Trainer != card.Trainer))
        {
            html.Open("tr").Element("td", trainer.Trainer + " (compared, not chosen)").Element("td", $"{F3(trainer.RocAuc)} ({F3(trainer.AucLow)}–{F3(trainer.AucHigh)})")
                .Element("td", F3(trainer.Metrics.PrAuc)).Element("td", F3(trainer.Metrics.Brier)).Element("td", F3(trainer.Metrics.LogLoss)).Element("td", F3(trainer.Metrics.CalibrationError)).Element("td", "×" + F1(trainer.Metrics.Lift[1].Lift)).Close();
        }

        html.Open("tr", ("data-row", "points")).Element("td", "Point rules (built-in, before contact)")
            .Element("td", page.PointsAuc is { } auc ? F3(auc) + (page.PointsAucInterval is { } pi ? $" ({F3(pi.Low)}–{F3(pi.High)})" : string.Empty) : "—")
            .Element("td", "—").Element("td", "—").Element("td", "—").Element("td", "—").Element("td", "—").Close();
        // Everyone given the base rate: no ranking (AUC 0.5, lift 1) and the Brier score and log loss of a constant.
        html.Open("tr", ("data-row", "base-rate")).Element("td", $"Base rate ({P1(baseRate)} for every lead)")
            .Element("td", "0.500").Element("td", F3(baseRate)).Element("td", F3(baseRate * (1 - baseRate)))
            .Element("td", F3(-((baseRate * Math.Log(baseRate)) + ((1 - baseRate) * Math.Log(1 - baseRate))))).Element("td", "0.000").Element("td", "×1.0").Close();
        html.Close().Close();
        foreach (var warning in card.Warnings)
        {
            html.Open("p").Element("strong", "Warning: ").Text(warning).Close();
        }
    }

    private static void Chart(HtmlWriter html, string heading, ChartImage chart, string keyNumbers)
    {
        html.Element("h2", heading);
        html.Open("figure", ("class", "chart"))
            .Void("img", ("src", chart.DataUri), ("alt", chart.Alt), ("width", chart.Width.ToString(Invariant)), ("height", chart.Height.ToString(Invariant)))
            .Open("figcaption").Element("p", keyNumbers, ("class", "key")).Element("p", chart.Alt, ("class", "muted")).Close()
            .Close();
    }

    private static void ReliabilityTable(HtmlWriter html, IReadOnlyList<ReliabilityBin> bins)
    {
        html.Open("table", ("class", "reliability")).Open("thead").Open("tr")
            .Element("th", "Predicted").Element("th", "Leads").Element("th", "Mean predicted").Element("th", "Observed (95 % interval)")
            .Close().Close().Open("tbody");
        foreach (var bin in bins)
        {
            html.Open("tr").Element("td", $"{F2(bin.Low)}–{F2(bin.High)}").Element("td", bin.Count.ToString("N0", Invariant))
                .Element("td", P1(bin.MeanPredicted)).Element("td", $"{P1(bin.ObservedRate)} ({P1(bin.ObservedLow)}–{P1(bin.ObservedHigh)})").Close();
        }

        html.Close().Close();
    }

    private static void Importance(HtmlWriter html, IReadOnlyList<GroupImportance> importance, ChartImage? chart)
    {
        if (chart is null)
        {
            html.Element("h2", "Feature importance");
            html.Element("p", "Not measured for this version (leadwise train measures it unless told not to).", ("class", "muted"));
            return;
        }

        Chart(html, "Feature importance", chart, "Permutation importance: how much the held-out ROC AUC drops when a feature group's values are shuffled.");
        html.Open("table", ("class", "importance")).Open("thead").Open("tr").Element("th", "Feature group").Element("th", "AUC drop (mean ± sd)").Close().Close().Open("tbody");
        foreach (var group in importance.OrderByDescending(g => g.MeanAucDrop))
        {
            html.Open("tr").Element("td", group.Group).Element("td", $"{F3(group.MeanAucDrop)} ± {F3(group.StandardDeviation)}").Close();
        }

        html.Close().Close();
    }

    private static void Drift(HtmlWriter html, CurrentDrift drift)
    {
        var report = drift.Report;
        html.Element("h2", "Drift");
        html.Element("p", string.Create(Invariant,
            $"Population stability index (PSI) of the training data against {report.Rows:N0} current leads ({drift.Population}), as of {drift.AsOf.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (re-measured at most every minute). Below 0.1 stable, 0.1–0.2 a moderate shift, above {PopulationStability.WarnAbove:0.0} shifted: consider retraining."), ("class", "muted"));
        var shifted = report.Features.Where(f => f.Shifted).Select(f => f.Feature).ToList();
        if (report.ProbabilityShifted)
        {
            shifted.Insert(0, "predicted probability");
        }

        if (shifted.Count > 0)
        {
            html.Open("p", ("class", "problem"), ("role", "alert")).Element("strong", "Warning: ").Text($"shifted above PSI {PopulationStability.WarnAbove:0.0}: {string.Join(", ", shifted)}.").Close();
        }

        html.Open("table", ("class", "drift")).Open("thead").Open("tr").Element("th", "Feature group").Element("th", "PSI").Element("th", "Reading").Close().Close().Open("tbody");
        DriftRow(html, "predicted probability", report.ProbabilityPsi);
        foreach (var feature in report.Features)
        {
            DriftRow(html, feature.Feature, feature.Psi);
        }

        html.Close().Close();
    }

    private static void DriftRow(HtmlWriter html, string feature, double psi) =>
        html.Open("tr", ("data-feature", feature)).Element("td", feature).Element("td", psi.ToString("F3", Invariant))
            .Element("td", psi > PopulationStability.WarnAbove ? "shifted (warning)" : psi > 0.1 ? "moderate" : "stable").Close();

    private static (string Trainer, double? Auc) Describe(ModelVersion version) => version.Kind switch
    {
        ModelKinds.Conversion => ConversionModelRegistry.ReadCard(version) is var card ? ($"{card.Trainer} + {card.Calibration}", card.Metrics.RocAuc) : ("—", null),
        ModelKinds.Hazard => HazardModelRegistry.ReadReport(version) is var report ? (report.Hazard.Chosen.ToString(), HazardModelRegistry.HeldOutAuc(report.Hazard)) : ("—", null),
        _ => (version.Summary, null),
    };

    private static string KindName(string kind) => kind switch
    {
        ModelKinds.Conversion => "conversion model",
        ModelKinds.Hazard => "sequence (hazard) model",
        _ => kind,
    };

    private static string WithInterval(double value, MetricInterval interval) => F3(value) + Interval(interval, F3);

    private static string Interval(MetricInterval interval, Func<double, string> format) =>
        double.IsNaN(interval.Low) ? string.Empty : $" ({format(interval.Low)}–{format(interval.High)})";

    private static string F1(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0", Invariant);

    private static string F2(double value) => value.ToString("0.00", Invariant);

    private static string F3(double value) => double.IsNaN(value) ? "—" : value.ToString("0.000", Invariant);

    private static string P1(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0%", Invariant);
}
