using Leadwise.Core.Progress;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Extensions.Logging;

namespace Leadwise.Data.Import;

/// <summary>The import of one CSV table, shared by the importers: strict parsing, row checks, the write pipeline, counts.</summary>
internal sealed partial class TableImporter(ILogger logger)
{
    private const int ProgressEveryRows = 8192;

    public delegate void Validate<TRow>(TRow row, RowCheck<TRow> check)
        where TRow : class;

    /// <summary>
    /// Reads one file, checks each row, and hands the good ones to the store on the pipeline's thread.
    /// <paramref name="upsert"/> returns false for a row the store already held unchanged (an event imported
    /// before); those are counted as already present rather than imported.
    /// </summary>
    public async Task ImportAsync<TRow>(
        ExportTable<TRow> table,
        StoreTable? storeTable,
        string path,
        IStoreWriter writer,
        ImportRun run,
        IProgress<ProgressUpdate>? progress,
        Validate<TRow> validate,
        Action<TRow> remember,
        Func<IStoreWriter, TRow, CancellationToken, ValueTask<bool>> upsert,
        CancellationToken cancellationToken)
        where TRow : class
    {
        long read = 0, rejected = 0;
        var reader = new CsvTableReader<TRow>(table, path);
        var rowErrors = new List<ImportIssue>();
        long alreadyPresent = 0;
        await using var pipeline = new RowPipeline<TRow>(
            async (row, ct) =>
            {
                if (!await upsert(writer, row, ct).ConfigureAwait(false))
                {
                    alreadyPresent++;
                }
            },
            cancellationToken);
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

        // A bulk load may have staged this table's events without knowing which were stored already.
        alreadyPresent += await writer.SettleStagedEventsAsync(cancellationToken).ConfigureAwait(false);
        var imported = pipeline.Written - alreadyPresent;
        foreach (var issue in reader.FileIssues)
        {
            run.AddFileIssue(issue);
        }

        if (storeTable is { } keptIn && table.UnknownColumns == UnknownColumnHandling.KeepWithWarning && reader.ExtraColumns.Count > 0 && run.ShouldWrite)
        {
            await writer.AddExtraColumnsAsync(keptIn, reader.ExtraColumns, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new ProgressUpdate(table.FileName, reader.Length, reader.Length));
        run.Tables.Add(new TableImportCounts(storeTable, table.FileName, read, imported, rejected) { RowsAlreadyPresent = alreadyPresent });
        LogTable(table.FileName, read, imported, alreadyPresent, rejected);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: read {Read} rows, imported {Imported}, already present {AlreadyPresent}, rejected {Rejected}")]
    private partial void LogTable(string file, long read, long imported, long alreadyPresent, long rejected);
}
