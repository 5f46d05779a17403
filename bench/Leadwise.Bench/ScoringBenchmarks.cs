using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Bench;

/// <summary>
/// Scores a generated million leads (with their events, campaigns and companies, all in memory) with
/// the default rules: the engine's own speed, without store I/O. Leads per second = Leads / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ScoringBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);
    private ScoringEngine _engine = null!;
    private LeadFacts[] _leads = [];
    private double[] _totals = [];

    [Params(1_000_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void BuildLeads()
    {
        _engine = new ScoringEngine(RulesLoader.LoadDefault());
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = Leads, Seed = 42 });
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        using var events = export.Events().GetEnumerator();
        var hasEvent = events.MoveNext();
        var leads = new List<LeadFacts>(Leads);
        foreach (var lead in export.Leads())
        {
            var own = new List<EngagementEvent>();
            while (hasEvent && events.Current.LeadId == lead.Id)
            {
                own.Add(events.Current);
                hasEvent = events.MoveNext();
            }

            leads.Add(new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), own));
        }

        _leads = [.. leads];
        _totals = new double[_leads.Length];
    }

    [Benchmark(Description = "Totals, all leads, parallel")]
    public double ScoreTotals()
    {
        _engine.ScoreAll(_leads, AsOf, _totals);
        return _totals[^1];
    }

    [Benchmark(Description = "Explained scores, all leads, parallel")]
    public int ScoreExplained() => _engine.ScoreAll(_leads, AsOf).Length;
}
