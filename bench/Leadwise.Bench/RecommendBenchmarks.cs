using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Bench;

/// <summary>
/// Issue 6's speed bars for the sequence recommender, on generated leads with a hazard model trained once in setup on
/// the first 40k leads: every lead of a million recommended in batches (as a nightly job or a promotion would), and one
/// lead at a time, warm (as the web API does on a cold cache).
/// </summary>
public static class RecommendBenchmarkData
{
    public const int TrainingLeads = 40_000;

    public static (SequenceRecommender Recommender, List<LeadFacts> Leads) Build(int count)
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = count, Seed = 42 });
        var campaigns = export.Campaigns.ToList();
        var byId = campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        using var events = export.Events().GetEnumerator();
        var hasEvent = events.MoveNext();
        var leads = new List<LeadFacts>(count);
        foreach (var lead in export.Leads())
        {
            var own = new List<EngagementEvent>();
            while (hasEvent && events.Current.LeadId == lead.Id)
            {
                own.Add(events.Current);
                hasEvent = events.MoveNext();
            }

            leads.Add(new LeadFacts(lead, byId.GetValueOrDefault(lead.CampaignId), companies.Find(lead), own));
        }

        var model = HazardModel.Train(HazardRows.Build(leads.Take(TrainingLeads), messages), new HazardModelOptions { Seed = 1 });
        return (new SequenceRecommender(model, campaigns, messages, time: new FixedTime(export.Options.ExportDate)), leads);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>Every lead of a million, in batches of <see cref="BatchSize"/>. Leads per second = Leads / Mean; the bar is all of them in under 60 s.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RecommendAllBenchmarks
{
    private const int BatchSize = 8_192;
    private SequenceRecommender _recommender = null!;
    private List<LeadFacts> _leads = [];

    [Params(1_000_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup() => (_recommender, _leads) = RecommendBenchmarkData.Build(Leads);

    [Benchmark]
    public double RecommendEveryLead()
    {
        var total = 0.0;
        foreach (var batch in _leads.Where(f => f.Campaign is not null).Chunk(BatchSize))
        {
            foreach (var recommendation in _recommender.Recommend(batch))
            {
                total += recommendation.Recommended.ReplyProbability;
            }
        }

        return total;
    }
}

/// <summary>One lead's recommendation, warm, cycling through 1,000 leads (the bar: under 1 ms).</summary>
[MemoryDiagnoser]
public class RecommendOneBenchmarks
{
    private SequenceRecommender _recommender = null!;
    private LeadFacts[] _leads = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var (recommender, leads) = RecommendBenchmarkData.Build(RecommendBenchmarkData.TrainingLeads);
        _recommender = recommender;
        _leads = [.. leads.Where(f => f.Campaign is not null).Take(1_000)];
    }

    [Benchmark]
    public double RecommendOneLead() => _recommender.Recommend(_leads[_next++ % _leads.Length]).Recommended.ReplyProbability;
}
