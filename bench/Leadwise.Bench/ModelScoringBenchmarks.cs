using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Training;

namespace Leadwise.Bench;

/// <summary>
/// Batch scoring of a generated million leads with a trained conversion model (as <c>leadwise score</c> does
/// per batch, without the store): encoding the pre-contact features, the ML.NET model and the calibration.
/// The model is trained once in setup on the invited leads among the first 40k. Leads per second = Leads / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ModelScoringBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private const int BatchSize = 16_384;
    private ConversionModel _model = null!;
    private PreContactFacts[] _leads = [];

    [Params(1_000_000)]
    public int Leads { get; set; }

    [Params(TrainerKind.LogisticRegression, TrainerKind.LightGbm)]
    public TrainerKind Trainer { get; set; }

    [GlobalSetup]
    public void TrainAndBuildLeads()
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = Leads, Seed = 42 });
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g]);
        using var events = export.Events().GetEnumerator();
        var hasEvent = events.MoveNext();
        var leads = new List<PreContactFacts>(Leads);
        var training = new List<(PreContactFacts Facts, bool Replied)>();
        foreach (var lead in export.Leads())
        {
            var own = new List<EngagementEvent>();
            while (hasEvent && events.Current.LeadId == lead.Id)
            {
                own.Add(events.Current);
                hasEvent = events.MoveNext();
            }

            var facts = new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), own);
            var campaignMessages = messages.GetValueOrDefault(lead.CampaignId);
            leads.Add(PreContactFacts.ForScoring(facts, campaignMessages, AsOf));
            if (leads.Count <= 40_000 && PreContactFacts.Of(facts, campaignMessages) is { } invited)
            {
                training.Add((invited, lead.Replied == true));
            }
        }

        _leads = [.. leads];
        _model = ConversionModelTrainer.Train(
            [.. training.Select(t => t.Facts)],
            [.. training.Select(t => t.Replied)],
            new ConversionTrainingOptions(Folds: 3, Seed: 0, Trainers: [Trainer]),
            AsOf).Model;
    }

    [Benchmark(Description = "Model scores, all leads, batches of 16k")]
    public double ScoreAll()
    {
        var sum = 0.0;
        for (var start = 0; start < _leads.Length; start += BatchSize)
        {
            var batch = new ArraySegment<PreContactFacts>(_leads, start, Math.Min(BatchSize, _leads.Length - start));
            foreach (var prediction in _model.PredictMany(batch))
            {
                sum += prediction.Probability;
            }
        }

        return sum;
    }
}
