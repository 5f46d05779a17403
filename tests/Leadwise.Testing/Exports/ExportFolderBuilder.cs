using System.Text;

namespace Leadwise.Testing.Exports;

/// <summary>
/// Writes an outreach export into a folder as raw bytes. It starts from the valid
/// <see cref="OutreachExportText"/>; tests then break exactly what they are about (a line, a header,
/// the encoding, the line ends) so the import is tested on what a user's file would contain.
/// Text is edited with LF line ends; <see cref="WithCrlf"/> and the encoding apply when writing.
/// </summary>
public sealed class ExportFolderBuilder
{
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileEncoding> _encodings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _crlf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _noTrailingNewline = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    public ExportFolderBuilder()
    {
        foreach (var file in OutreachExportText.FileNames)
        {
            _texts[file] = OutreachExportText.TextOf(file);
        }
    }

    /// <summary>The file's text as edited so far (LF line ends, before encoding).</summary>
    public string TextOf(string file) => _texts[file] ?? throw new InvalidOperationException($"{file} was removed.");

    public ExportFolderBuilder WithText(string file, string text)
    {
        _texts[file] = text;
        return this;
    }

    /// <summary>The file exists but holds nothing at all.</summary>
    public ExportFolderBuilder Empty(string file) => WithText(file, string.Empty);

    /// <summary>Only the header row (with its newline).</summary>
    public ExportFolderBuilder HeaderOnly(string file) => WithText(file, OutreachExportText.HeaderOf(file) + "\n");

    public ExportFolderBuilder Without(string file)
    {
        _texts[file] = null;
        return this;
    }

    /// <summary>Replaces physical line <paramref name="line"/> (1-based; 1 is the header).</summary>
    public ExportFolderBuilder ReplaceLine(string file, int line, string text)
    {
        var lines = SplitLines(file);
        lines[line - 1] = text;
        return JoinLines(file, lines);
    }

    /// <summary>Inserts <paramref name="text"/> so that it becomes physical line <paramref name="line"/>.</summary>
    public ExportFolderBuilder InsertLine(string file, int line, string text)
    {
        var lines = SplitLines(file);
        lines.Insert(line - 1, text);
        return JoinLines(file, lines);
    }

    public ExportFolderBuilder RemoveLine(string file, int line)
    {
        var lines = SplitLines(file);
        lines.RemoveAt(line - 1);
        return JoinLines(file, lines);
    }

    public ExportFolderBuilder AppendLine(string file, string text) => WithText(file, TextOf(file) + text + "\n");

    public ExportFolderBuilder ReplaceHeader(string file, string header) => ReplaceLine(file, 1, header);

    /// <summary>Replaces the only occurrence of <paramref name="oldText"/> in the file.</summary>
    public ExportFolderBuilder Replace(string file, string oldText, string newText)
    {
        var text = TextOf(file);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"\"{oldText}\" must occur exactly once in {file}.");
        }

        return WithText(file, string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length)));
    }

    /// <summary>
    /// Sets the raw text of column <paramref name="column"/> (by header name) on single-line record
    /// <paramref name="line"/>, e.g. <c>SetField(Leads, 3, "replied", "yes")</c>.
    /// </summary>
    public ExportFolderBuilder SetField(string file, int line, string column, string rawValue)
    {
        var lines = SplitLines(file);
        var index = CsvRecordText.SplitRaw(lines[0]).ToList().IndexOf(column);
        if (index < 0)
        {
            throw new InvalidOperationException($"{file} has no column \"{column}\".");
        }

        var fields = CsvRecordText.SplitRaw(lines[line - 1]).ToArray();
        fields[index] = rawValue;
        lines[line - 1] = CsvRecordText.Join(fields);
        return JoinLines(file, lines);
    }

    /// <summary>Removes a column (header and every field) from a file whose records are single lines.</summary>
    public ExportFolderBuilder RemoveColumn(string file, string column) => ReorderColumns(file, names => names.Where(n => n != column));

    /// <summary>Adds a column at the end of the header, with <paramref name="values"/> (raw text) for the records in order.</summary>
    public ExportFolderBuilder AddColumn(string file, string column, params string[] values)
    {
        var lines = SplitLines(file);
        lines[0] += "," + column;
        for (var i = 1; i < lines.Count - 1; i++)
        {
            lines[i] += "," + values[i - 1];
        }

        return JoinLines(file, lines);
    }

    /// <summary>Writes the columns of a file whose records are single lines in a different order (by header name).</summary>
    public ExportFolderBuilder ReorderColumns(string file, Func<IReadOnlyList<string>, IEnumerable<string>> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = SplitLines(file);
        var header = CsvRecordText.SplitRaw(lines[0]);
        var indexes = order(header).Select(name => header.ToList().IndexOf(name)).ToArray();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = CsvRecordText.SplitRaw(lines[i]);
            lines[i] = CsvRecordText.Join(indexes.Select(index => fields[index]));
        }

        return JoinLines(file, lines);
    }

    public ExportFolderBuilder WithEncoding(string file, FileEncoding encoding)
    {
        _encodings[file] = encoding;
        return this;
    }

    public ExportFolderBuilder WithUtf8Bom(string file) => WithEncoding(file, FileEncoding.Utf8WithBom);

    /// <summary>Writes every line end (inside quoted fields too) as CRLF, as Windows tools do.</summary>
    public ExportFolderBuilder WithCrlf(string file)
    {
        _crlf.Add(file);
        return this;
    }

    /// <summary>The last record ends at the end of the file, without a newline.</summary>
    public ExportFolderBuilder WithoutTrailingNewline(string file)
    {
        _noTrailingNewline.Add(file);
        return this;
    }

    /// <summary>Writes these bytes as the file, ignoring its text.</summary>
    public ExportFolderBuilder WithBytes(string file, byte[] bytes)
    {
        _bytes[file] = bytes;
        return this;
    }

    /// <summary>
    /// The 1-based physical line and column (in characters) of the only occurrence of
    /// <paramref name="marker"/> in the file's final text, for asserting where an error points.
    /// </summary>
    public (int Line, int Column) Locate(string file, string marker)
    {
        var text = FinalText(file);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(marker, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"\"{marker}\" must occur exactly once in {file}.");
        }

        var before = text.AsSpan(0, at);
        var line = before.Count('\n') + 1;
        var column = at - before.LastIndexOf('\n');
        return (line, column);
    }

    /// <summary>Writes the files into a new temp folder, deleted when the result is disposed.</summary>
    public ExportFolder Build()
    {
        var folder = new ExportFolder();
        WriteTo(folder.Path);
        return folder;
    }

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in _texts.Keys)
        {
            var path = Path.Combine(folder, file);
            if (_bytes.TryGetValue(file, out var bytes))
            {
                File.WriteAllBytes(path, bytes);
            }
            else if (_texts[file] is not null)
            {
                File.WriteAllBytes(path, Encode(file, FinalText(file)));
            }
        }
    }

    private string FinalText(string file)
    {
        var text = TextOf(file);
        if (_noTrailingNewline.Contains(file))
        {
            text = text.TrimEnd('\n');
        }

        return _crlf.Contains(file) ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    private byte[] Encode(string file, string text) => _encodings.GetValueOrDefault(file) switch
    {
        FileEncoding.Utf8 => new UTF8Encoding(false).GetBytes(text),
        FileEncoding.Utf8WithBom => [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(text)],
        FileEncoding.Utf16WithBom => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        FileEncoding.Latin1 => Encoding.Latin1.GetBytes(text),
        var other => throw new ArgumentOutOfRangeException(nameof(file), other, null),
    };

    private List<string> SplitLines(string file) => [.. TextOf(file).Split('\n')];

    private ExportFolderBuilder JoinLines(string file, List<string> lines) => WithText(file, string.Join('\n', lines));
}
