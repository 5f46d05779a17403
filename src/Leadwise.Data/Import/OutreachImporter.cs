using System.Diagnostics;
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
public sealed class OutreachImporter(ILeadwiseStore store, ILogger<OutreachImporter>? logger = null)
{
    private readonly TableImporter _tables = new(logger ?? (ILogger)NullLogger<OutreachImporter>.Instance);

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
            return await run.FinishAsync(committed: false, stopwatch.Elapsed, cancellationToken).ConfigureAwait(false);
        }

        return await TableImporter.InTransactionAsync(store, StoreWriteMode.BulkLoad, run, stopwatch, async writer =>
        {
            var users = new HashSet<UserId>(await writer.ReadUserIdsAsync(cancellationToken).ConfigureAwait(false));
            var campaigns = new HashSet<CampaignId>(await writer.ReadCampaignIdsAsync(cancellationToken).ConfigureAwait(false));

            var seenUsers = new HashSet<long>();
            await _tables.ImportAsync(UsersTable.Instance, StoreTable.Users, files[StoreTable.Users], writer, run, progress,
                (user, check) => check.UniqueId(seenUsers, user.Id.Value),
                user => users.Add(user.Id),
                static async (w, row, ct) => { await w.UpsertAsync(row, ct).ConfigureAwait(false); return true; },
                cancellationToken).ConfigureAwait(false);

            var seenCampaigns = new HashSet<long>();
            await _tables.ImportAsync(CampaignsTable.Instance, StoreTable.Campaigns, files[StoreTable.Campaigns], writer, run, progress,
                (campaign, check) =>
                {
                    check.UniqueId(seenCampaigns, campaign.Id.Value);
                    check.UserExists(users, campaign.UserId);
                },
                campaign => campaigns.Add(campaign.Id),
                static async (w, row, ct) => { await w.UpsertAsync(row, ct).ConfigureAwait(false); return true; },
                cancellationToken).ConfigureAwait(false);

            var seenMessages = new HashSet<MessageKey>();
            await _tables.ImportAsync(MessagesTable.Instance, StoreTable.Messages, files[StoreTable.Messages], writer, run, progress,
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
                static async (w, row, ct) => { await w.UpsertAsync(row, ct).ConfigureAwait(false); return true; },
                cancellationToken).ConfigureAwait(false);

            var seenLeads = new HashSet<long>();
            await _tables.ImportAsync(LeadsTable.Instance, StoreTable.Leads, files[StoreTable.Leads], writer, run, progress,
                (lead, check) =>
                {
                    check.UniqueId(seenLeads, lead.Id.Value);
                    check.CampaignExists(campaigns, lead.CampaignId);
                    check.UserExists(users, lead.UserId);
                },
                static _ => { },
                static async (w, row, ct) => { await w.UpsertAsync(row, ct).ConfigureAwait(false); return true; },
                cancellationToken).ConfigureAwait(false);

            var seenSnapshots = new HashSet<long>();
            await _tables.ImportAsync(SnapshotsTable.Instance, StoreTable.Snapshots, files[StoreTable.Snapshots], writer, run, progress,
                (snapshot, check) =>
                {
                    check.UniqueId(seenSnapshots, snapshot.Id.Value);
                    check.CampaignExists(campaigns, snapshot.CampaignId);
                    check.UserExists(users, snapshot.UserId);
                },
                static _ => { },
                static async (w, row, ct) => { await w.UpsertAsync(row, ct).ConfigureAwait(false); return true; },
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
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
}
