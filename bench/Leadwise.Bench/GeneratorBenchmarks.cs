using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Leadwise.Generator;
using Leadwise.Generator.Writing;

namespace Leadwise.Bench;

/// <summary>Generates and writes a whole export (five CSV files and the ground truth).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GeneratorBenchmarks
{
    [Params(1_000_000)]
    public int Leads { get; set; }

    [Benchmark]
    public async Task<int> GenerateAndWrite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadwise-bench", "generated");
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = Leads, Seed = 7 });
        await new GeneratedExportWriter().WriteAsync(export, folder, null, CancellationToken.None);
        return export.Campaigns.Count;
    }
}
