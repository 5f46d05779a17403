using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leadwise.Data.Import;

/// <summary>
/// Imports the five-table outreach export into a store, in one transaction: references are checked
/// (against the same import and what the store already holds), duplicates inside a file are errors,
/// and every problem is reported with its file, line and column. By default one bad row means nothing
/// is written; <see cref="ImportOptions.SkipBadRows"/> imports the good rows instead.
/// </summary>
public sealed partial class OutreachImporter(ILeadwiseStore store, ILogger<OutreachImporter>? logger = null)
{
    private const int ProgressEveryRows = 8192;

    private readonly ILogger _logger = logger ?? NullLogger<OutreachImporter>.Instance;

    public async Task<ImportReport> ImportAsync(
        string folder,
        ImportOptions options,
        IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var run = new ImportRun(options);

        var files = LocateFiles(folder, run);
        if (files is null)
        {
            return Finish(run, committed: false, stopwatch, options);
        }

        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, cancellationToken).ConfigureAwait(false))
        {
            var users = new HashSet<UserId>(await writer.ReadUserIdsAsync(cancellationToken).ConfigureAwait(false));
            var campaigns = new HashSet<CampaignId>(await writer.ReadCampaignIdsAsync(cancellationToken).ConfigureAwait(false));

            var seenUsers = new HashSet<long>();
            await ImportTableAsync(UsersTable.Instance, StoreTable.Users, files[StoreTable.Users], writer, run, progress,
                (user, check) => check.UniqueId(seenUsers, user.Id.Value),
                user => users.Add(user.Id),
                static (w, row, ct) => w.UpsertAsync(row, ct),
                cancellationToken).ConfigureAwait(false);

            var seenCampaigns = new HashSet<long>();
            await ImportTableAsync(CampaignsTable.Instance, StoreTable.Campaigns, files[StoreTable.Campaigns], writer, run, progress,
                (campaign, check) =>
                {
                    check.UniqueId(seenCampaigns, campaign.Id.Value);
                    check.UserExists(users, campaign.UserId);
                },
                campaign => campaigns.Add(campaign.Id),
                static (w, row, ct) => w.UpsertAsync(row, ct),
                cancellationToken).ConfigureAwait(false);

            var seenMessages = new HashSet<MessageKey>();
            await ImportTableAsync(MessagesTable.Instance, StoreTable.Messages, files[StoreTable.Messages], writer, run, progress,
                (message, check) =>
                {
                    if (message.Order is < 0 or > OutreachSteps.LastFollowUp)
                    {
                        check.Fail("order", $"order must be 0 (the invite) to {OutreachSteps.LastFollowUp}, got {message.Order}");
                    }
                    else if (!seenMessages.Add(message.Key))
                    {
                        check.Fail("order", $"duplicate message {message.Key}: campaign {message.CampaignId} already has an order {message.Order} earlier in this file");
                    }

                    check.CampaignExists(campaigns, message.CampaignId);
                },
                static _ => { },
                static (w, row, ct) => w.UpsertAsync(row, ct),
                cancellationToken).ConfigureAwait(false);

            var seenLeads = new HashSet<long>();
            await ImportTableAsync(LeadsTable.Instance, StoreTable.Leads, files[StoreTable.Leads], writer, run, progress,
                (lead, check) =>
                {
                    check.UniqueId(seenLeads, lead.Id.Value);
                    check.CampaignExists(campaigns, lead.CampaignId);
                    check.UserExists(users, lead.UserId);
                },
                static _ => { },
                static (w, row, ct) => w.UpsertAsync(row, ct),
                cancellationToken).ConfigureAwait(false);

            var seenSnapshots = new HashSet<long>();
            await ImportTableAsync(SnapshotsTable.Instance, StoreTable.Snapshots, files[StoreTable.Snapshots], writer, run, progress,
                (snapshot, check) =>
                {
                    check.UniqueId(seenSnapshots, snapshot.Id.Value);
                    check.CampaignExists(campaigns, snapshot.CampaignId);
                    check.UserExists(users, snapshot.UserId);
                },
                static _ => { },
                static (w, row, ct) => w.UpsertAsync(row, ct),
                cancellationToken).ConfigureAwait(false);

            if (run.CanCommit)
            {
                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
                return await FinishAsync(run, committed: true, stopwatch, options, cancellationToken).ConfigureAwait(false);
            }
        }

        return await FinishAsync(run, committed: false, stopwatch, options, cancellationToken).ConfigureAwait(false);
    }

    private delegate void Validate<TRow>(TRow row, RowCheck<TRow> check)
        where TRow : class;

    private async Task ImportTableAsync<TRow>(
        ExportTable<TRow> table,
        StoreTable storeTable,
        string path,
        IStoreWriter writer,
        ImportRun run,
        IProgress<ProgressUpdate>? progress,
        Validate<TRow> validate,
        Action<TRow> remember,
        Func<IStoreWriter, TRow, CancellationToken, ValueTask> upsert,
        CancellationToken cancellationToken)
        where TRow : class
    {
        long read = 0, rejected = 0;
        var reader = new CsvTableReader<TRow>(table, path);
        var rowErrors = new List<ImportIssue>();
        await using var pipeline = new RowPipeline<TRow>((row, ct) => upsert(writer, row, ct), cancellationToken);
        foreach (var parsed in reader.Read(cancellationToken))
        {
            read++;
            rowErrors.Clear();
            rowErrors.AddRange(parsed.Errors);
            if (parsed.Row is { } candidate && parsed.Errors.Count == 0)
            {
                validate(candidate, new RowCheck<TRow>(reader, parsed.Line, rowErrors));
            }

            if (rowErrors.Count == 0 && parsed.Row is { } row)
            {
                remember(row);
                if (run.ShouldWrite)
                {
                    await pipeline.AddAsync(row).ConfigureAwait(false);
                }
            }
            else
            {
                rejected++;
                run.AddRowErrors(rowErrors, parsed.RawRecord ?? reader.CurrentRawRecord);
            }

            if (read % ProgressEveryRows == 0)
            {
                progress?.Report(new ProgressUpdate(table.FileName, reader.BytesRead, reader.Length));
            }
        }

        await pipeline.CompleteAsync().ConfigureAwait(false);
        var imported = pipeline.Written;
        foreach (var issue in reader.FileIssues)
        {
            run.AddFileIssue(issue);
        }

        if (reader.ExtraColumns.Count > 0 && run.ShouldWrite)
        {
            await writer.AddExtraColumnsAsync(storeTable, reader.ExtraColumns, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new ProgressUpdate(table.FileName, reader.Length, reader.Length));
        run.Tables.Add(new TableImportCounts(storeTable, table.FileName, read, imported, rejected));
        LogTable(table.FileName, read, imported, rejected);
    }

    private static Dictionary<StoreTable, string>? LocateFiles(string folder, ImportRun run)
    {
        if (!Directory.Exists(folder))
        {
            run.AddFileIssue(new ImportIssue(ImportSeverity.Error, folder, null, null, null, "no such folder"));
            return null;
        }

        var present = Directory.EnumerateFiles(folder)
            .GroupBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Order(StringComparer.Ordinal).First(), StringComparer.OrdinalIgnoreCase);
        var files = new Dictionary<StoreTable, string>();
        foreach (var (table, fileName) in ExportFiles.Names)
        {
            if (present.TryGetValue(fileName, out var path))
            {
                files[table] = path;
            }
            else
            {
                run.AddFileIssue(new ImportIssue(ImportSeverity.Error, Path.Combine(folder, fileName), null, null, null,
                    $"file is missing; an export has {string.Join(", ", ExportFiles.Names.Select(n => n.FileName))}"));
            }
        }

        return files.Count == ExportFiles.Names.Count ? files : null;
    }

    private static ImportReport Finish(ImportRun run, bool committed, Stopwatch stopwatch, ImportOptions options) =>
        FinishAsync(run, committed, stopwatch, options, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<ImportReport> FinishAsync(ImportRun run, bool committed, Stopwatch stopwatch, ImportOptions options, CancellationToken cancellationToken)
    {
        if (options.RejectsPath is { } rejectsPath && run.Errors.Count > 0)
        {
            await WriteRejectsAsync(rejectsPath, run.Rejects, cancellationToken).ConfigureAwait(false);
        }

        return new ImportReport(run.Tables, run.Warnings, run.Errors, run.ErrorCount, committed, stopwatch.Elapsed);
    }

    private static async Task WriteRejectsAsync(string path, IReadOnlyList<(ImportIssue Issue, string? Raw)> rejects, CancellationToken cancellationToken)
    {
        await using var stream = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        await using var csv = new CsvWriter(stream, OutreachExportWriter.CsvConfiguration);
        foreach (var header in new[] { "file", "line", "column", "columnName", "reason", "rawRecord" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var (issue, raw) in rejects)
        {
            csv.WriteField(issue.File);
            csv.WriteField(issue.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(issue.Column?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(issue.ColumnName ?? string.Empty);
            csv.WriteField(issue.Message);
            csv.WriteField(raw?.TrimEnd('\r', '\n') ?? string.Empty);
            await csv.NextRecordAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: read {Read} rows, imported {Imported}, rejected {Rejected}")]
    private partial void LogTable(string file, long read, long imported, long rejected);
}
