using System.Globalization;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Insights;
using Leadwise.Learning.Training;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// Learns a points scorecard from invited leads (replied = converted), as credit scoring does: bins each attribute,
/// replaces a lead's bin by its weight of evidence, fits an L2 logistic regression on those WoE features (ML.NET
/// L-BFGS; an attribute with β ≤ 0 is dropped and the rest refitted, so a bin with more replies never scores lower), and turns β × WoE into points.
/// Every attribute is read as the points engine reads it (<see cref="RuleField"/>) at the lead's invite, and only
/// attributes a rule can test are used, so the <see cref="ScorecardModel.ToYaml"/> rules file scores each lead exactly
/// as <see cref="ScorecardModel.Points"/> does. Deterministic: L-BFGS on one thread, no sampling.
/// </summary>
public sealed class ScorecardTrainer(ScorecardOptions options)
{
    public ScorecardTrainer()
        : this(new ScorecardOptions())
    {
    }

    /// <summary>Fits on the invited leads of <paramref name="leads"/>; the others are ignored.</summary>
    /// <exception cref="NotEnoughDataException">Fewer than 2 converted or 2 other invited leads.</exception>
    public ScorecardModel Fit(IReadOnlyList<LeadFacts> leads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var training = leads.Where(l => l.Lead.InviteSentAt is not null).Select(l => (Facts: l, AsOf: l.Lead.InviteSentAt!.Value)).ToList();
        var labels = training.Select(t => t.Facts.Lead.Replied == true).ToArray();
        var converted = labels.Count(l => l);
        var others = labels.Length - converted;
        if (converted < 2 || others < 2)
        {
            throw new NotEnoughDataException(string.Create(CultureInfo.InvariantCulture,
                $"A scorecard needs converted and other invited leads to compare; there are {converted} converted and {others} others."));
        }

        var used = new List<(Characteristic Characteristic, int[] Bins, ScorecardBin[] Stats, double InformationValue)>();
        foreach (var characteristic in Candidates(training))
        {
            cancellationToken.ThrowIfCancellationRequested();
            characteristic.Prepare(training, options);
            var bins = training.Select(t => characteristic.BinOf(t.Facts, t.AsOf)).ToArray();
            var stats = Stats(characteristic, bins, labels, converted, others, out var informationValue);
            if (stats.Count(s => s.Leads > 0) >= 2)
            {
                used.Add((characteristic, bins, stats, informationValue));
            }
        }

        var (weights, bias) = FitLogistic(used.Select(u => u.Bins.Select(b => (float)u.Stats[b].WeightOfEvidence).ToArray()).ToList(), labels);
        var factor = options.PointsPerDoubling / Math.Log(2);
        var attributes = new List<ScorecardModel.Fitted>();
        for (var j = 0; j < used.Count; j++)
        {
            var (characteristic, _, stats, iv) = used[j];
            var reference = stats[characteristic.Reference].WeightOfEvidence;
            var scores = characteristic.Scores([.. stats.Select(s => factor * weights[j] * (s.WeightOfEvidence - reference))]);
            var bins = stats.Select((s, b) => s with { Points = scores[b] }).ToList();
            attributes.Add(new ScorecardModel.Fitted(
                characteristic,
                scores,
                new ScorecardAttribute(characteristic.Name, characteristic.Group, weights[j], iv, characteristic.Labels[characteristic.Reference], bins)));
        }

        var scorecard = new ScorecardModel(attributes, bias, options.PointsPerDoubling, training.Count, converted);
        var totals = training.Select(t => scorecard.Points(t.Facts, t.AsOf)).ToArray();
        return scorecard.WithGrades(Grades(totals));
    }

    private static ScorecardBin[] Stats(Characteristic characteristic, int[] bins, bool[] labels, int converted, int others, out double informationValue)
    {
        var n = new int[characteristic.Labels.Count];
        var c = new int[n.Length];
        for (var i = 0; i < bins.Length; i++)
        {
            n[bins[i]]++;
            c[bins[i]] += labels[i] ? 1 : 0;
        }

        informationValue = 0;
        var stats = new ScorecardBin[n.Length];
        for (var b = 0; b < n.Length; b++)
        {
            // +½ keeps a bin without replies (or with nothing but replies) finite.
            var good = (c[b] + 0.5) / (converted + 0.5);
            var bad = (n[b] - c[b] + 0.5) / (others + 0.5);
            var woe = Math.Log(good / bad);
            if (n[b] > 0)
            {
                informationValue += (((double)c[b] / converted) - ((double)(n[b] - c[b]) / others)) * woe;
            }

            stats[b] = new ScorecardBin(characteristic.Labels[b], n[b], c[b], woe, 0);
        }

        return stats;
    }

    /// <summary>
    /// L2 logistic regression on the WoE columns. An attribute whose β comes out ≤ 0 is dropped and the rest refitted:
    /// a negative β would give its better bins fewer points, which only happens when it stands in for others.
    /// (ML.NET's own non-negativity option also clamps the intercept, which must be free — reply rates are below 50 %.)
    /// </summary>
    private (float[] Weights, double Bias) FitLogistic(IReadOnlyList<float[]> columns, bool[] labels)
    {
        var weights = new float[columns.Count];
        var active = Enumerable.Range(0, columns.Count).ToList();
        var bias = 0.0;
        while (active.Count > 0)
        {
            var ml = new MLContext(seed: 0);
            var kept = active;
            var rows = Enumerable.Range(0, labels.Length).Select(i => new BinaryRow { Label = labels[i], Features = [.. kept.Select(j => columns[j][i])] });
            var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = options.L2Regularization,
                L1Regularization = 0,
                NumberOfThreads = 1,
            });
            var model = trainer.Fit(TrainingData.Load(ml, rows, kept.Count)).Model.SubModel;
            var fitted = model.Weights.ToArray();
            bias = model.Bias;
            Array.Clear(weights);
            for (var k = 0; k < kept.Count; k++)
            {
                weights[kept[k]] = Math.Max(0, fitted[k]);
            }

            if (fitted.All(w => w > 0))
            {
                break;
            }

            active = [.. kept.Where((_, k) => fitted[k] > 0)];
        }

        return (weights, bias);
    }

    private IReadOnlyList<ScorecardGrade> Grades(int[] totals)
    {
        var descending = totals.OrderDescending().ToArray();
        var grades = new List<ScorecardGrade>();
        var share = 0.0;
        foreach (var gradeShare in options.GradeShares)
        {
            share += gradeShare;
            var index = Math.Clamp((int)Math.Ceiling(share * descending.Length) - 1, 0, descending.Length - 1);
            var min = descending[index];
            // Tied totals can make two cut-offs equal; grades need strictly falling minimums.
            if ((grades.Count == 0 || min < grades[^1].Min) && min > descending[^1])
            {
                grades.Add(new ScorecardGrade(((char)('A' + grades.Count)).ToString(), min));
            }
        }

        grades.Add(new ScorecardGrade(((char)('A' + grades.Count)).ToString(), null));
        return grades;
    }

    /// <summary>Every attribute a rule can test before contact, in the order the file lists them.</summary>
    private List<Characteristic> Candidates(IReadOnlyList<(LeadFacts Facts, DateTimeOffset AsOf)> training)
    {
        var list = new List<Characteristic>();
        foreach (var name in (string[])["seniority", "emailKind", "country", "campaign.type"])
        {
            list.Add(new TextCharacteristic(Field(name), ScoringModel.Demographics));
        }

        foreach (var name in (string[])["company.industry", "company.targetMarket", "company.country"])
        {
            list.Add(new TextCharacteristic(Field(name), ScoringModel.Firmographics));
        }

        list.Add(Number("company.employees", ScoringModel.Firmographics));
        list.Add(Number("existingMessagesCount", ScoringModel.Demographics));
        list.Add(Flag("companyNameValid", ScoringModel.Firmographics));
        foreach (var name in (string[])["spam.nameNotCapitalised", "spam.keyboardMash", "spam.placeholder", "spam.captchaFailed"])
        {
            list.Add(Flag(name, ScoringModel.Spam));
        }

        foreach (var type in EventTypes.All.Where(t => !RankingEvaluation.OutcomeEvents.Contains(t) && t != EventTypes.CaptchaFailed))
        {
            list.Add(new ThresholdCharacteristic(
                "events:" + type,
                EventGroup(type),
                (facts, asOf) => facts.Events.Count(e => e.OccurredAt <= asOf && string.Equals(e.Type, type, StringComparison.Ordinal)),
                cut => ["event: " + type, "count: {min: " + QuantileBins.Exact(cut) + "}"],
                null,
                startAtOne: true));
        }

        list.AddRange(TitleWords(training));
        return list;
    }

    private IEnumerable<Characteristic> TitleWords(IReadOnlyList<(LeadFacts Facts, DateTimeOffset AsOf)> training)
    {
        var words = training.SelectMany(t => Leadwise.Scoring.Signals.TitleWords.Of(t.Facts.Lead.Title))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= options.MinSupport)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(options.TitleWords)
            .Select(g => g.Key);
        foreach (var word in words)
        {
            // The bin is decided by the very regex the rule will run, so the file scores exactly as the scorecard.
            var pattern = @"(?i)\b" + System.Text.RegularExpressions.Regex.Escape(word) + @"\b";
            var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            yield return new FlagCharacteristic(
                "title word " + word,
                ScoringModel.Demographics,
                (facts, _) => facts.Lead.Title is { } title && regex.IsMatch(title),
                ["field: title", "regex: " + Yaml.Quote(pattern)],
                "title-" + word);
        }
    }

    private static ThresholdCharacteristic Number(string name, ScoringModel group)
    {
        var field = Field(name);
        return new ThresholdCharacteristic(
            name,
            group,
            (facts, asOf) => field.ReadNumber(facts, asOf),
            cut => ["field: " + name, "range: {min: " + QuantileBins.Exact(cut) + "}"],
            ["field: " + name, "exists: false"],
            startAtOne: false);
    }

    private static FlagCharacteristic Flag(string name, ScoringModel group)
    {
        var field = Field(name);
        return new FlagCharacteristic(name, group, (facts, asOf) => field.ReadFlag(facts, asOf) == true, ["field: " + name, "equals: true"], name);
    }

    private static RuleField Field(string name) =>
        RuleFields.TryGet(name, out var field) ? field : throw new InvalidOperationException($"The rules format has no field \"{name}\".");

    private static ScoringModel EventGroup(string type) => type switch
    {
        EventTypes.PageView or EventTypes.PricingPageView or EventTypes.DemoPageView or EventTypes.Download => ScoringModel.Website,
        EventTypes.FormSubmitted => ScoringModel.Spam,
        _ when type.StartsWith("email_", StringComparison.Ordinal) => ScoringModel.Email,
        _ => ScoringModel.Social,
    };
}
