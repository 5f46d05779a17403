using Leadwise.Generator;
using Leadwise.Generator.Writing;

namespace Leadwise.Bench;

/// <summary>Generated exports shared by benchmarks, written once per lead count under the temp folder.</summary>
internal static class BenchmarkData
{
    public static string ExportFolder(int leads, int seed = 42)
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadwise-bench", $"export-{leads}-{seed}");
        if (!File.Exists(Path.Combine(folder, "Records.csv")))
        {
            var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = leads, Seed = seed });
            new GeneratedExportWriter().WriteAsync(export, folder, null, CancellationToken.None).GetAwaiter().GetResult();
        }

        return folder;
    }

    public static string FreshDatabasePath(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "leadwise-bench", name + ".db");
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        return path;
    }
}
