using System.Security.Cryptography;
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
    public async Task Export_files_are_byte_identical_to_those_before_engagement_events_existed()
    {
        // SHA-256 of the files written by the generator before Events()/Companies() were added (commit 0fa0dd4, 3 000 leads,
        // seed 42): events and companies come from their own streams and must never move a byte of the export. Update these
        // only for a deliberate change of the export itself, and say so in the commit message.
        var expected = new Dictionary<string, string>
        {
            ["Users.csv"] = "1bc5bab8a8f6fe089265186e0a6440b1f32056d5bbe403355cf3d1cedba97189",
            ["Campaigns.csv"] = "aa3638a31953a0dd494e9a0ed08cddba3441d1d9893f1958b7e0bfbe1efc3245",
            ["Messages.csv"] = "bd39da9f6a533a11c0039a57bce9f1de917087ad50be06b7df005d2729c58c28",
            ["Leads.csv"] = "ecd810f23d81fc3b41e40802a67d46e8e97910aaebf620587cf6f7f60570289c",
            ["Records.csv"] = "127c643c5a3036ce342add08852e78b69041438c97cc88ce1577c0d7d777f9fb",
            ["truth/messages.csv"] = "b45b01260d5b29cb11d1bd05c8cf28b87cac5a55bc342176fb28a7e1ce5b65ae",
            ["truth/leads.csv"] = "47f4cc167b4dc5427815112f5de2a49da07535647c16c677e807b1e84ef04f7b",
        };

        var folder = await WriteAsync("golden", new GeneratorOptions { LeadCount = 3_000, Seed = 42 });

        foreach (var (file, hash) in expected)
        {
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file)))));
        }
    }

    [Fact]
    public async Task Model_file_carries_the_engagement_parameters()
    {
        var folder = await WriteAsync("model", new GeneratorOptions { LeadCount = 500, Seed = 1 });

        var truth = await Truth.GroundTruth.LoadAsync(folder, CancellationToken.None);

        Assert.Equal(new Truth.EngagementModelParameters().PricingIntercept, truth.Engagement!.PricingIntercept);
        Assert.Equal(new Truth.EngagementModelParameters().SessionsSeniorityEffects, truth.Engagement.SessionsSeniorityEffects);
        Assert.Contains("\"EngagementFormula\"", File.ReadAllText(Path.Combine(folder, "truth/model.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_one_truth_row_per_lead_and_reports_progress_per_stage()
    {
        var progress = new List<ProgressUpdate>();
        var folder = await WriteAsync("progress", new GeneratorOptions { LeadCount = 25_000, Seed = 9 }, new SynchronousProgress(progress.Add));

        Assert.Equal(25_001, File.ReadLines(Path.Combine(folder, "truth/leads.csv")).Count());
        Assert.Contains(progress, update => update is { Stage: "leads", Done: 10_000, Total: 25_000 });
        Assert.Contains(progress, update => update is { Stage: "leads", Done: 25_000, Total: 25_000 });
        Assert.Equal(["users", "campaigns", "messages", "records", "leads", "companies", "events"], progress.Select(update => update.Stage).Distinct());
        Assert.True(File.ReadLines(Path.Combine(folder, "events.csv")).Count() > 25_000);
        Assert.True(File.ReadLines(Path.Combine(folder, "companies.csv")).Count() > 100);
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
