using System.Globalization;
using CsvHelper;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;

namespace Leadwise.Data.Import;

/// <summary>
/// Parses the current CSV record's fields in table-column order, mapping each to its header position,
/// and collects a line-precise error for every value that does not fit its column.
/// </summary>
/// <remarks>
/// The raw text of a record (needed to place an error, or to find where a multi-line record starts)
/// is fetched only when something calls for it: an error, a value holding a quote or a line break, or
/// CsvHelper reporting bad data. Fetching it for every row doubled the import's allocations.
/// </remarks>
internal sealed class CsvFieldSource(
    CsvParser parser,
    string fileName,
    IReadOnlyList<ExportColumn> columns,
    int[] physicalIndex,
    IReadOnlyList<(string Name, int Index)> extraColumns) : IFieldSource
{
    /// <summary>What an import says about a NUL character, in a value or a header name.</summary>
    internal const string NulProblem = "contains the NUL character (U+0000), which the store cannot keep (PostgreSQL text cannot hold it)";

    private readonly List<ImportIssue> _errors = [];
    private int _ordinal;
    private int _lastLine;
    private bool _needsRaw;
    private string? _raw;
    private (int LineOffset, int Column, string Problem, bool Unclosed)? _quoteProblem;

    public IReadOnlyList<ImportIssue> Errors => _errors;

    /// <summary>Starts a record that ends on physical line <paramref name="lastLine"/> (CsvHelper's raw row).</summary>
    public void StartRecord(int lastLine)
    {
        _ordinal = 0;
        _lastLine = lastLine;
        _needsRaw = false;
        _raw = null;
        _quoteProblem = null;
        _errors.Clear();
    }

    /// <summary>CsvHelper saw malformed quoting in this record; look at its raw text.</summary>
    public void MarkBadData() => _needsRaw = true;

    /// <summary>Whether a value of this record might span lines or hold a quote problem.</summary>
    public bool NeedsRaw => _needsRaw || _raw is not null;

    public string Raw
    {
        get
        {
            if (_raw is null)
            {
                _raw = parser.RawRecord;
                _quoteProblem = _raw.AsSpan().Count('"') % 2 != 0 ? RawRecordLocator.FindQuoteProblem(_raw) : null;
            }

            return _raw;
        }
    }

    /// <summary>The record's quoting problem, if any (reads the raw text).</summary>
    public (int LineOffset, int Column, string Problem, bool Unclosed)? QuoteProblem
    {
        get
        {
            _ = Raw;
            return _quoteProblem;
        }
    }

    /// <summary>
    /// The record's first physical line. A record without line breaks in its values starts where it
    /// ends; otherwise the raw text says how many lines it spans.
    /// </summary>
    public int FirstLine => _raw is null
        ? _lastLine
        : FirstLineOf(_lastLine, _raw, endsInsideQuotes: _quoteProblem is { Unclosed: true });

    public void AddRecordError(string message, int fieldIndex = 0)
    {
        var (lineOffset, column) = RawRecordLocator.LocateField(Raw, fieldIndex);
        _errors.Add(new ImportIssue(ImportSeverity.Error, fileName, FirstLine + lineOffset, column, null, message));
    }

    public void AddRecordError(int lineOffset, int column, string message) =>
        _errors.Add(new ImportIssue(ImportSeverity.Error, fileName, FirstLine + lineOffset, column, null, message));

    /// <summary>An error in the column read last.</summary>
    private void AddFieldError(string message)
    {
        var ordinal = _ordinal - 1;
        AddFieldError(physicalIndex[ordinal], columns[ordinal].Name, message);
    }

    private void AddFieldError(int index, string columnName, string message)
    {
        var (lineOffset, character) = RawRecordLocator.LocateField(Raw, Math.Max(index, 0));
        _errors.Add(new ImportIssue(ImportSeverity.Error, fileName, FirstLine + lineOffset, character, columnName, message));
    }

    /// <summary>
    /// PostgreSQL text (and jsonb) cannot hold U+0000, so such a value would fail the whole PostgreSQL transaction with
    /// the driver's error; it is refused on both backends at its place instead, so a file means the same on each.
    /// </summary>
    private bool HoldsNul(string text, int index, string columnName)
    {
        var at = text.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        AddFieldError(index, columnName, string.Create(CultureInfo.InvariantCulture, $"{NulProblem} (character {at + 1} of the value); remove it"));
        return true;
    }

    /// <summary>
    /// CsvHelper's raw row is the line a record ends on; line breaks inside quoted values move its
    /// start up. A record that runs to the end of the file inside an open quote has no closing break.
    /// </summary>
    private static int FirstLineOf(int lastLine, string raw, bool endsInsideQuotes)
    {
        var breaks = RawRecordLocator.CountLineBreaks(raw);
        var endsWithBreak = !endsInsideQuotes && raw.Length > 0 && raw[^1] is '\n' or '\r';
        return lastLine - breaks + (endsWithBreak ? 1 : 0);
    }

    private void Inspect(string text)
    {
        if (!_needsRaw && text.AsSpan().IndexOfAny('"', '\n', '\r') >= 0)
        {
            _needsRaw = true;
        }
    }

    public long? Int64() => Parse(FieldKind.Int64, static (ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), "a whole number");

    public int? Int32() => Parse(FieldKind.Int32, static (ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value), "a whole number");

    public decimal? Decimal() => Parse(FieldKind.Decimal, static (ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value), "a number");

    public double? Double() => Parse(FieldKind.Double, static (ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value), "a number such as 1 or 1.5");

    public bool? Boolean() => Parse(FieldKind.Boolean, static (ReadOnlySpan<char> text, out bool value) =>
        ExportValues.TryParseBoolean(text, out value), "t or f");

    public DateTimeOffset? Timestamp() => Parse(FieldKind.Timestamp, static (ReadOnlySpan<char> text, out DateTimeOffset value) =>
        ExportValues.TryParseTimestamp(text, out value), "a timestamp with a UTC offset like 2023-10-19 10:31:45.096+00");

    public string? Text()
    {
        var field = Next(FieldKind.Text, out var column);
        if (field is null)
        {
            RequireValue(column);
        }

        return field;
    }

    public ExtraFields Extra()
    {
        if (extraColumns.Count == 0)
        {
            return ExtraFields.None;
        }

        var values = new KeyValuePair<string, string?>[extraColumns.Count];
        for (var i = 0; i < extraColumns.Count; i++)
        {
            var text = parser[extraColumns[i].Index];
            Inspect(text);
            HoldsNul(text, extraColumns[i].Index, extraColumns[i].Name);
            values[i] = new(extraColumns[i].Name, text.Length == 0 ? null : text);
        }

        return ExtraFields.From(values);
    }

    private delegate bool TryParse<T>(ReadOnlySpan<char> text, out T value);

    private T? Parse<T>(FieldKind kind, TryParse<T> tryParse, string expected)
        where T : struct
    {
        var field = Next(kind, out var column);
        if (field is null)
        {
            RequireValue(column);
            return null;
        }


        if (tryParse(field, out var value))
        {
            return value;
        }

        AddFieldError($"expected {expected}, got \"{Shorten(field)}\"");
        return null;
    }

    private string? Next(FieldKind kind, out ExportColumn column)
    {
        column = columns[_ordinal];
        var index = physicalIndex[_ordinal];
        _ordinal++;
        if (column.Kind != kind)
        {
            throw new InvalidOperationException($"Table definition reads column \"{column.Name}\" as {kind}, but it is declared {column.Kind}.");
        }

        if (index < 0)
        {
            return null;
        }

        var text = parser[index];
        if (kind == FieldKind.Text)
        {
            Inspect(text);
            HoldsNul(text, index, column.Name);
        }

        return text.Length == 0 ? null : text;
    }

    private void RequireValue(ExportColumn column)
    {
        if (column.Required)
        {
            AddFieldError("a value is required here");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
