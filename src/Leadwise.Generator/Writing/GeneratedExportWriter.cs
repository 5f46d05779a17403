using System.Text;
using System.Text.Json;
using Leadwise.Core.Progress;
using Leadwise.Data.Export;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Writing;

/// <summary>
/// Writes a generated export: the five export files through Leadwise.Data's <see cref="OutreachExportWriter"/>
/// into <c>folder</c>, the engagement events and company profiles beside them (<c>events.csv</c>,
/// <c>companies.csv</c>), and the ground truth into <c>folder/truth/</c> (model.json, messages.csv, leads.csv).
/// Leads are streamed; memory stays flat whatever the lead count.
/// </summary>
public sealed class GeneratedExportWriter
{
    private const int ProgressEvery = 10_000;

    public async Task WriteAsync(GeneratedExport export, string folder, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var writer = new OutreachExportWriter(folder);

        await writer.WriteUsersAsync(Report(export.Users, "users", export.Users.Count, progress).ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        await writer.WriteCampaignsAsync(Report(export.Campaigns, "campaigns", export.Campaigns.Count, progress).ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        await writer.WriteMessagesAsync(Report(export.Messages, "messages", export.Messages.Count, progress).ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        await writer.WriteSnapshotsAsync(Report(export.Snapshots(), "records", null, progress).ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);

        var truthFolder = Path.Combine(folder, TruthFiles.Folder);
        Directory.CreateDirectory(truthFolder);
        await WriteModelAsync(export, truthFolder, cancellationToken).ConfigureAwait(false);
        // Without a wording effect every wording is 0, and the file keeps the format it had before the column existed.
        var withWording = export.Model.Parameters.WordingScale != 0;
        await WriteLinesAsync(
            Path.Combine(truthFolder, TruthFiles.MessagesFile),
            withWording ? TruthFiles.MessagesHeader : TruthFiles.MessagesHeaderBeforeWording,
            export.MessageProfiles.Select(m => TruthFiles.MessageRow(m, withWording)),
            cancellationToken).ConfigureAwait(false);

        // One pass over the leads: each lead's truth row is written as its export row is handed to the writer.
        var truthPath = Path.Combine(truthFolder, TruthFiles.LeadsFile);
        await using var truth = new StreamWriter(truthPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        await truth.WriteLineAsync(TruthFiles.LeadsHeader.AsMemory(), cancellationToken).ConfigureAwait(false);
        var leads = Report(export.LeadsWithTruth(), "leads", export.LeadCount, progress).Select(generated =>
        {
            truth.WriteLine(TruthFiles.LeadRow(generated.Truth));
            return generated.Lead;
        });
        await writer.WriteLeadsAsync(leads.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);

        // Beside the export, not part of it: what a CRM or web tracker would add (see docs/csv-format.md).
        await writer.WriteCompaniesAsync(Report(export.Companies(), "companies", null, progress).ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        await writer.WriteEventsAsync(Report(export.Events(), "events", null, progress).ToAsyncEnumerable(), cancellationToken, EventPropertyColumns).ConfigureAwait(false);
    }

    /// <summary>The properties generated events carry (page views have <c>seconds</c>).</summary>
    private static readonly IReadOnlyList<string> EventPropertyColumns = ["seconds"];

    private static async Task WriteModelAsync(GeneratedExport export, string truthFolder, CancellationToken cancellationToken)
    {
        var document = new ModelDocument(TruthFiles.Formula, export.Options.Seed, export.Options.LeadCount, export.Options.ExportDate, export.Model.Parameters, TruthFiles.EngagementFormula, export.Options.Engagement);
        await using var stream = File.Create(Path.Combine(truthFolder, TruthFiles.ModelFile));
        await JsonSerializer.SerializeAsync(stream, document, TruthFiles.Json, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteLinesAsync(string path, string header, IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync(header.AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(row.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<T> Report<T>(IEnumerable<T> rows, string stage, long? total, IProgress<ProgressUpdate>? progress)
    {
        long done = 0;
        progress?.Report(new ProgressUpdate(stage, 0, total));
        foreach (var row in rows)
        {
            yield return row;
            if (++done % ProgressEvery == 0)
            {
                progress?.Report(new ProgressUpdate(stage, done, total));
            }
        }

        progress?.Report(new ProgressUpdate(stage, done, total ?? done));
    }
}
