using System.Globalization;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Metrics;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Generator.Truth;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;

// How visible the latent responsiveness must be before contact for issue 5's literal bar: per setting, the chosen model's
// held-out AUC exactly as GeneratedDataQualityTests computes it, beside the truth's AUC with u. One argument per setting:
// name:historyDays:historySessionsIntercept:historyWeight:historyNewsletters(1/0):responsivenessSd[:seed, 42 if left out]
// (docs/predictive-scoring.md).
foreach (var arg in args)
{
    var f = arg.Split(':');
    var (name, days, a, w, nl, sd) = (f[0], int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture), f[4] == "1", double.Parse(f[5], CultureInfo.InvariantCulture));
    var seed = f.Length > 6 ? int.Parse(f[6], CultureInfo.InvariantCulture) : 42;
    var options = new GeneratorOptions
    {
        LeadCount = int.Parse(Environment.GetEnvironmentVariable("LEADS") ?? "20000", CultureInfo.InvariantCulture),
        Seed = seed,
        Model = new TrueModelParameters { ResponsivenessSd = sd },
        Engagement = new EngagementModelParameters { HistoryDays = days, HistorySessionsIntercept = a, HistoryResponsivenessWeight = w, HistoryNewsletters = nl, HistoryNewsletterResponsivenessWeight = w },
    };
    var started = DateTime.UtcNow;
    var export = new OutreachGenerator().Generate(options);
    var campaigns = export.Campaigns.ToDictionary(c => c.Id);
    var companies = new CompanyDirectory(export.Companies());
    var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g]);
    var allEvents = export.Events().ToList();
    var events = allEvents.GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g]);
    var truths = export.LeadsWithTruth().ToDictionary(g => g.Lead.Id, g => g.Truth);
    var leads = export.Leads().ToList();
    var facts = leads
        .Select(lead => new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), events.GetValueOrDefault(lead.Id) ?? []))
        .ToList();
    var (invited, replied) = StoreLeads.InvitedOf(facts, messages);
    var (_, data, run, choices) = FeatureSelection.Choose(invited, replied, new ConversionTrainingOptions(Folds: 5, Seed: 0), CancellationToken.None);
    var report = run.Report;
    var labels = replied.ToArray();
    var withU = RocAuc.Compute([.. invited.Select(p => truths[p.LeadId].ReceivedReplyProbability)], labels);
    var attainable = RocAuc.Compute([.. invited.Select(p => WithoutResponsiveness(export, truths[p.LeadId], sd))], labels);
    var withoutQuality = RocAuc.Compute([.. invited.Select(p => WithoutResponsiveness(export, truths[p.LeadId], sd, quality: false))], labels);
    var model = report.CalibratedMetrics;
    var history = allEvents.Count(e => e.ClientEventId!.Contains("-h", StringComparison.Ordinal));
    var preInvite = invited.Average(p => (double)p.EventsBefore.Count);
    var expectedSessions = days > 0 ? truths.Values.Where(t => !t.Profile.IsSpam).Sum(t => Math.Exp(a + (w * t.Profile.Responsiveness) + options.Engagement.SessionsSeniorityEffects[(int)t.Profile.Seniority])) / truths.Count : 0;
    Console.WriteLine(FormattableString.Invariant(
        $"RESULT {name} | seed {seed} | days {days} a {a} w {w} nl {nl} sd {sd} | model {model.RocAuc:F4} ({report.Chosen}+{report.Calibration.Chosen}) | truth {withU:F4} | ratio {model.RocAuc / withU:F4} | bar {0.97 * withU:F4} | attainable(prior) {attainable:F4} | model/attainable {model.RocAuc / attainable:F4} | u and quality at mean {withoutQuality:F4} | ECE {model.CalibrationError:F4} | events/lead {(double)allEvents.Count / leads.Count:F2} | history/lead {(double)history / leads.Count:F2} | E[history sessions]/lead {expectedSessions:F2} | pre-invite events/invited {preInvite:F2} | invited {labels.Length} replied {data.Positives} | {(DateTime.UtcNow - started).TotalSeconds:F0}s"));
    foreach (var choice in choices)
    {
        Console.WriteLine(FormattableString.Invariant($"    optional {choice.Group}: {choice.AucWithout:F4} -> {choice.AucWith:F4} kept {choice.Kept}"));
    }
}

static double WithoutResponsiveness(GeneratedExport export, LeadTruth truth, double sigma, bool quality = true)
{
    var received = Enumerable.Range(0, truth.ReceivedSteps)
        .Select(order => export.MessageProfiles.First(p => p.Key == new MessageKey(truth.CampaignId, order)))
        .Select(m => quality ? m : m with { Quality = 0 })
        .ToArray();
    double sum = 0, weights = 0;
    for (var i = -20; i <= 20; i++)
    {
        var u = i * 0.2 * sigma;
        var weight = Math.Exp(-0.5 * u * u / (sigma * sigma));
        sum += weight * export.Model.ReplyProbability(truth.Profile with { Responsiveness = u }, received);
        weights += weight;
    }

    return sum / weights;
}
