using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Leadwise.Learning.Tables;

/// <summary>
/// Reads a user's delimited file into a <see cref="DelimitedTable"/>: detects the delimiter among
/// <c>,</c> <c>;</c> tab and <c>|</c>, accepts UTF-8 with or without a BOM and CRLF or LF line ends,
/// and fails with <c>file:line: reason</c> on an empty file, duplicate header names or ragged rows.
/// </summary>
public static class DelimitedTableReader
{
    /// <summary>The delimiters tried, in order of preference when several fit equally well.</summary>
    public static IReadOnlyList<char> Candidates { get; } = [',', ';', '\t', '|'];

    private const int SampleLines = 20;

    /// <summary>Reads the file at <paramref name="path"/>; messages name the file by its file name.</summary>
    public static async Task<DelimitedTable> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return Parse(text, Path.GetFileName(path), cancellationToken);
    }

    /// <summary>Reads a table from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    public static DelimitedTable Read(TextReader reader, string source = "<input>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        return Parse(reader.ReadToEnd(), source, CancellationToken.None);
    }

    /// <summary>
    /// Picks the candidate whose field counts over the header and first lines are most consistent,
    /// preferring more fields; a delimiter that splits nothing (one field everywhere) scores lowest.
    /// </summary>
    internal static char DetectDelimiter(IReadOnlyList<string> lines)
    {
        var best = Candidates[0];
        var bestScore = (Consistent: -1, Fields: 0);
        foreach (var candidate in Candidates)
        {
            var counts = lines.Select(line => CountFields(line, candidate)).ToList();
            var header = counts.Count == 0 ? 1 : counts[0];
            var consistent = header <= 1 ? 0 : counts.Count(c => c == header);
            var score = (Consistent: consistent, Fields: header);
            if (score.Consistent > bestScore.Consistent
                || (score.Consistent == bestScore.Consistent && score.Fields > bestScore.Fields))
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Counts fields in one physical line, ignoring delimiters inside double quotes.</summary>
    private static int CountFields(string line, char delimiter)
    {
        var count = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    private static DelimitedTable Parse(string text, string source, CancellationToken cancellationToken)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var sample = SampleNonBlankLines(text);
        if (sample.Count == 0)
        {
            throw new DelimitedTableFormatException(source, 1, "the file is empty; expected a header line");
        }

        var delimiter = DetectDelimiter(sample);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };

        using var parser = new CsvParser(new StringReader(text), config);
        if (!parser.Read())
        {
            throw new DelimitedTableFormatException(source, 1, "the file is empty; expected a header line");
        }

        var names = parser.Record!.Select(n => n.Trim()).ToArray();
        var headerLine = parser.RawRow;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new DelimitedTableFormatException(source, headerLine, $"column {i + 1} has an empty header name");
            }

            if (!seen.TryAdd(names[i], i))
            {
                throw new DelimitedTableFormatException(
                    source, headerLine, $"duplicate column name \"{names[i]}\" (columns {seen[names[i]] + 1} and {i + 1})");
            }
        }

        var cells = names.Select(_ => new List<string>()).ToArray();
        while (parser.Read())
        {
            if (parser.Row % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = parser.Record!;
            if (record.Length != names.Length)
            {
                throw new DelimitedTableFormatException(
                    source, parser.RawRow, $"expected {names.Length} fields (as in the header), got {record.Length}");
            }

            for (var i = 0; i < record.Length; i++)
            {
                cells[i].Add(record[i]);
            }
        }

        return new DelimitedTable(source, delimiter, names, [.. cells.Select(c => c.ToArray())]);
    }

    private static List<string> SampleNonBlankLines(string text)
    {
        var lines = new List<string>(SampleLines);
        using var reader = new StringReader(text);
        while (lines.Count < SampleLines && reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
