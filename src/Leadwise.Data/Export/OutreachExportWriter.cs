using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;

namespace Leadwise.Data.Export;

/// <summary>
/// Writes the five export files (and the events and companies files) into a folder, in the format <c>import</c> reads: header row, RFC 4180
/// quoting only where needed, <c>t</c>/<c>f</c>, PostgreSQL timestamps, UTF-8 without BOM, LF line ends.
/// Each file is written to a temporary name and moved into place, so a failure never leaves half a file.
/// </summary>
public sealed class OutreachExportWriter(string folder)
{
    public Task<long> WriteUsersAsync(IAsyncEnumerable<User> rows, CancellationToken cancellationToken, IReadOnlyList<string>? extraColumns = null) =>
        WriteAsync(UsersTable.Instance, rows, extraColumns, cancellationToken);

    public Task<long> WriteCampaignsAsync(IAsyncEnumerable<Campaign> rows, CancellationToken cancellationToken, IReadOnlyList<string>? extraColumns = null) =>
        WriteAsync(CampaignsTable.Instance, rows, extraColumns, cancellationToken);

    public Task<long> WriteMessagesAsync(IAsyncEnumerable<Message> rows, CancellationToken cancellationToken, IReadOnlyList<string>? extraColumns = null) =>
        WriteAsync(MessagesTable.Instance, rows, extraColumns, cancellationToken);

    public Task<long> WriteLeadsAsync(IAsyncEnumerable<Lead> rows, CancellationToken cancellationToken, IReadOnlyList<string>? extraColumns = null) =>
        WriteAsync(LeadsTable.Instance, rows, extraColumns, cancellationToken);

    public Task<long> WriteSnapshotsAsync(IAsyncEnumerable<CampaignSnapshot> rows, CancellationToken cancellationToken, IReadOnlyList<string>? extraColumns = null) =>
        WriteAsync(SnapshotsTable.Instance, rows, extraColumns, cancellationToken);

    /// <summary>
    /// Writes events.csv. <paramref name="propertyColumns"/> are the property columns after the known ones
    /// (<see cref="Storage.ILeadwiseStore.ReadEventPropertyNamesAsync"/> lists a store's); an event with a
    /// property not among them is an error rather than a value silently dropped.
    /// </summary>
    public Task<long> WriteEventsAsync(IAsyncEnumerable<EngagementEvent> rows, CancellationToken cancellationToken, IReadOnlyList<string>? propertyColumns = null)
    {
        var columns = new HashSet<string>(propertyColumns ?? [], StringComparer.Ordinal);
        return WriteAsync(EventsTable.Instance, rows, propertyColumns, cancellationToken, row =>
        {
            foreach (var name in row.Properties.Values.Keys)
            {
                if (!columns.Contains(name))
                {
                    throw new InvalidOperationException($"An event of lead {row.LeadId} has the property \"{name}\", which is not among the property columns to write.");
                }
            }
        });
    }

    public Task<long> WriteCompaniesAsync(IAsyncEnumerable<CompanyProfile> rows, CancellationToken cancellationToken) =>
        WriteAsync(CompaniesTable.Instance, rows, null, cancellationToken);

    internal static CsvConfiguration CsvConfiguration => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        HasHeaderRecord = true,
    };

    private async Task<long> WriteAsync<TRow>(
        ExportTable<TRow> table,
        IAsyncEnumerable<TRow> rows,
        IReadOnlyList<string>? extraColumns,
        CancellationToken cancellationToken,
        Action<TRow>? check = null)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, table.FileName);
        var temporary = path + ".partial";
        extraColumns ??= [];
        long count = 0;
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
            await using (var csv = new CsvWriter(writer, CsvConfiguration))
            {
                foreach (var column in table.Columns)
                {
                    csv.WriteField(column.Name);
                }

                foreach (var column in extraColumns)
                {
                    csv.WriteField(column);
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
                var sink = new CsvFieldSink(csv, extraColumns);
                await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    check?.Invoke(row);
                    table.Write(row, sink);
                    await csv.NextRecordAsync().ConfigureAwait(false);
                    count++;
                }
            }

            File.Move(temporary, path, overwrite: true);
            return count;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
