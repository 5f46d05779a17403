using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Leadwise.Data.Export;

namespace Leadwise.Data.Import;

/// <summary>
/// Streams one export file: checks the header against the table's columns, then yields each record
/// with its first physical line and every problem found in it. Reading is synchronous on purpose:
/// CsvHelper's synchronous parser is several times faster, and the caller checks cancellation per batch.
/// </summary>
internal sealed class CsvTableReader<TRow>(ExportTable<TRow> table, string path)
    where TRow : class
{
    private readonly string _fileName = Path.GetFileName(path);
    private readonly List<ImportIssue> _fileIssues = [];

    /// <summary>Problems of the file as a whole (encoding, header); errors here mean no row was read.</summary>
    public IReadOnlyList<ImportIssue> FileIssues => _fileIssues;

    /// <summary>The unknown columns the header had, kept aside with each row.</summary>
    public IReadOnlyList<string> ExtraColumns { get; private set; } = [];

    /// <summary>How far through the file the reader is, in bytes (buffered, so approximate).</summary>
    public long BytesRead => _stream?.Position ?? 0;

    public long Length { get; private set; }

    private FileStream? _stream;
    private CsvParser? _parser;
    private CsvFieldSource? _source;
    private int[] _physicalIndex = [];

    /// <summary>The raw text of the record just yielded, for the rejects file.</summary>
    public string? CurrentRawRecord => _parser?.RawRecord;

    /// <summary>
    /// An error about a column of the record just yielded (a reference or a duplicate found by the
    /// caller), placed at that field's line and column.
    /// </summary>
    public ImportIssue ErrorInCurrentRecord(int line, string columnName, string message)
    {
        var ordinal = table.Columns.Select(c => c.Name).ToList().IndexOf(columnName);
        var index = ordinal >= 0 ? _physicalIndex[ordinal] : -1;
        var raw = _parser?.RawRecord ?? string.Empty;
        var (lineOffset, column) = RawRecordLocator.LocateField(raw, Math.Max(index, 0));
        return new ImportIssue(ImportSeverity.Error, _fileName, line + lineOffset, column, columnName, message);
    }

    public IEnumerable<ParsedRow<TRow>> Read(CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        _stream = stream;
        Length = stream.Length;
        if (!SkipByteOrderMark(stream))
        {
            yield break;
        }

        // Strict UTF-8: a Latin-1 or Windows-1252 file must fail loudly rather than import mojibake.
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = _ => _source?.MarkBadData(),
            IgnoreBlankLines = true,
            // CsvHelper's 4 KB default makes it shift and copy its buffer for every few records.
            BufferSize = 1 << 16,
        };
        using var parser = new CsvParser(reader, configuration);

        if (!TryRead(parser, out var encodingIssue))
        {
            _fileIssues.Add(encodingIssue ?? new ImportIssue(ImportSeverity.Error, _fileName, null, null, null,
                $"the file is empty; expected a header row: {string.Join(',', table.Columns.Select(c => c.Name))}"));
            yield break;
        }

        if (!TryMapHeader(parser, out var physicalIndex, out var extras))
        {
            yield break;
        }

        var headerCount = parser.Count;
        _parser = parser;
        _physicalIndex = physicalIndex;
        var source = new CsvFieldSource(parser, _fileName, table.Columns, physicalIndex, extras);
        _source = source;
        var rowsSinceCheck = 0;
        while (true)
        {
            if (++rowsSinceCheck == 4096)
            {
                rowsSinceCheck = 0;
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!TryRead(parser, out encodingIssue))
            {
                if (encodingIssue is not null)
                {
                    _fileIssues.Add(encodingIssue);
                }

                yield break;
            }

            source.StartRecord(parser.RawRow);
            if (parser.Count != headerCount)
            {
                if (source.QuoteProblem is { } unbalanced)
                {
                    source.AddRecordError(unbalanced.LineOffset, unbalanced.Column, unbalanced.Problem);
                }
                else
                {
                    source.AddRecordError($"expected {headerCount} fields as in the header, found {parser.Count}", Math.Min(parser.Count, headerCount));
                }

                yield return new ParsedRow<TRow>(null, source.FirstLine, [.. source.Errors], source.Raw);
                continue;
            }

            var row = table.Read(source);
            if (source.NeedsRaw && source.QuoteProblem is { } quote)
            {
                // A quoting problem explains any value errors it caused; report it alone.
                var line = source.FirstLine;
                source.StartRecord(parser.RawRow);
                source.AddRecordError(quote.LineOffset, quote.Column, quote.Problem);
                yield return new ParsedRow<TRow>(null, line, [.. source.Errors], source.Raw);
                continue;
            }

            yield return source.Errors.Count == 0
                ? new ParsedRow<TRow>(row, source.FirstLine, [], null)
                : new ParsedRow<TRow>(row, source.FirstLine, [.. source.Errors], source.Raw);
        }
    }

    private bool TryRead(CsvParser parser, out ImportIssue? encodingIssue)
    {
        encodingIssue = null;
        try
        {
            return parser.Read();
        }
        catch (DecoderFallbackException)
        {
            encodingIssue = Utf8Diagnostics.DescribeFirstInvalidByte(path, _fileName);
            return false;
        }
    }

    private bool SkipByteOrderMark(FileStream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            _fileIssues.Add(new ImportIssue(ImportSeverity.Error, _fileName, 1, 1, null,
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"));
            return false;
        }

        var hasUtf8Bom = read == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        stream.Position = hasUtf8Bom ? 3 : 0;
        return true;
    }

    private bool TryMapHeader(CsvParser parser, out int[] physicalIndex, out IReadOnlyList<(string Name, int Index)> extras)
    {
        var header = parser.Record ?? [];
        var columns = table.Columns;
        physicalIndex = new int[columns.Count];
        Array.Fill(physicalIndex, -1);
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            known[columns[i].Name] = i;
        }

        var foundExtras = new List<(string Name, int Index)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var index = 0; index < header.Length; index++)
        {
            var name = header[index];
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                AddHeaderIssue(ImportSeverity.Error, parser, index, name.Replace("\0", "\\0", StringComparison.Ordinal), $"the column name {CsvFieldSource.NulProblem}; remove it");
                ok = false;
            }
            else if (!seen.Add(name))
            {
                AddHeaderIssue(ImportSeverity.Error, parser, index, name, "the header names this column twice");
                ok = false;
            }
            else if (known.TryGetValue(name, out var ordinal))
            {
                physicalIndex[ordinal] = index;
            }
            else
            {
                var nearMatch = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
                var hint = nearMatch is null ? string.Empty : $" (column names are case-sensitive: did you mean \"{nearMatch.Name}\"?)";
                switch (table.UnknownColumns)
                {
                    case UnknownColumnHandling.KeepWithWarning:
                        AddHeaderIssue(ImportSeverity.Warning, parser, index, name, $"unknown column; its values are kept aside and written back by export{hint}");
                        foundExtras.Add((name, index));
                        break;
                    case UnknownColumnHandling.KeepAsProperties:
                        if (nearMatch is not null)
                        {
                            AddHeaderIssue(ImportSeverity.Warning, parser, index, name, $"imported as a property{hint}");
                        }

                        foundExtras.Add((name, index));
                        break;
                    default:
                        AddHeaderIssue(ImportSeverity.Warning, parser, index, name, $"unknown column; its values are ignored{hint}");
                        break;
                }
            }
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (physicalIndex[i] >= 0)
            {
                continue;
            }

            var column = columns[i];
            if (column.Required)
            {
                _fileIssues.Add(new ImportIssue(ImportSeverity.Error, _fileName, 1, null, column.Name, "required column is missing from the header"));
                ok = false;
            }
            else
            {
                _fileIssues.Add(new ImportIssue(ImportSeverity.Warning, _fileName, 1, null, column.Name, "column is missing from the header; its values are imported as empty"));
            }
        }

        extras = foundExtras;
        ExtraColumns = [.. foundExtras.Select(e => e.Name)];
        return ok;
    }

    private void AddHeaderIssue(ImportSeverity severity, CsvParser parser, int index, string name, string message)
    {
        var (lineOffset, column) = RawRecordLocator.LocateField(parser.RawRecord, index);
        _fileIssues.Add(new ImportIssue(severity, _fileName, 1 + lineOffset, column, name, message));
    }
}
