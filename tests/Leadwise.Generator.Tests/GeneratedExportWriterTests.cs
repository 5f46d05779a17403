using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Generator.Writing;

namespace Leadwise.Generator.Tests;

public sealed class GeneratedExportWriterTests : IDisposable
{
    private static readonly string[] ExportFiles = ["Users.csv", "Campaigns.csv", "Messages.csv", "Leads.csv", "Records.csv"];
    private static readonly string[] TruthFiles = ["truth/model.json", "truth/messages.csv", "truth/leads.csv"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "leadwise-generator-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Same_seed_writes_byte_identical_files_and_a_different_seed_does_not()
    {
        // Given the same options written twice, and another seed once
        var options = new GeneratorOptions { LeadCount = 3_000, Seed = 5 };
        var first = await WriteAsync("first", options);
        var second = await WriteAsync("second", options);
        var other = await WriteAsync("other", options with { Seed = 6 });

        // Then every export and truth file is byte-identical for the same seed
        foreach (var file in ExportFiles.Concat(TruthFiles))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs");
        }

        // and the leads differ for another seed
        Assert.NotEqual(File.ReadAllText(Path.Combine(first, "Leads.csv")), File.ReadAllText(Path.Combine(other, "Leads.csv")));
    }

    [Fact]
    public async Task Writes_one_truth_row_per_lead_and_reports_progress_per_stage()
    {
        var progress = new List<ProgressUpdate>();
        var folder = await WriteAsync("progress", new GeneratorOptions { LeadCount = 25_000, Seed = 9 }, new SynchronousProgress(progress.Add));

        Assert.Equal(25_001, File.ReadLines(Path.Combine(folder, "truth/leads.csv")).Count());
        Assert.Contains(progress, update => update is { Stage: "leads", Done: 10_000, Total: 25_000 });
        Assert.Contains(progress, update => update is { Stage: "leads", Done: 25_000, Total: 25_000 });
        Assert.Equal(["users", "campaigns", "messages", "records", "leads"], progress.Select(update => update.Stage).Distinct());
        Assert.All(progress.GroupBy(update => update.Stage), stage => Assert.Equal(stage.Last().Total, stage.Last().Done));
    }

    [Fact]
    public async Task Written_export_imports_cleanly_with_every_row()
    {
        // Given a written export
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 2_000, Seed = 13 });
        var folder = Path.Combine(_root, "import");
        await new GeneratedExportWriter().WriteAsync(export, folder, progress: null, CancellationToken.None);

        // When Leadwise.Data imports it
        await using var store = await SqliteLeadwiseStore.OpenAsync(Path.Combine(_root, "import.db"), CancellationToken.None);
        var report = await new OutreachImporter(store).ImportAsync(folder, new ImportOptions(), progress: null, CancellationToken.None);

        // Then nothing is rejected and the leads read back equal the generated ones
        Assert.True(report.Committed, string.Join("\n", report.Errors.Select(error => error.ToString())));
        Assert.Equal(0, report.ErrorCount);
        var counts = await store.CountAsync(CancellationToken.None);
        Assert.Equal(2_000, counts.Leads);
        Assert.Equal(export.Messages.Count, counts.Messages);
        var stored = new List<Core.Outreach.Lead>();
        await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
        {
            stored.Add(lead);
        }

        Assert.Equal(export.Leads().OrderBy(lead => lead.Id.Value), stored.OrderBy(lead => lead.Id.Value));
    }

    private async Task<string> WriteAsync(string name, GeneratorOptions options, IProgress<ProgressUpdate>? progress = null)
    {
        var folder = Path.Combine(_root, name);
        await new GeneratedExportWriter().WriteAsync(new OutreachGenerator().Generate(options), folder, progress, CancellationToken.None);
        return folder;
    }

    private sealed class SynchronousProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
