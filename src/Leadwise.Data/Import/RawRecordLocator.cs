namespace Leadwise.Data.Import;

/// <summary>
/// Finds where a field starts inside a record's raw text, for error messages only. CsvHelper does the
/// parsing; this walks the raw text of a record that already failed, quote-aware, to turn a field
/// index into a physical line and column.
/// </summary>
internal static class RawRecordLocator
{
    /// <summary>
    /// Line offset (0 = the record's first line) and 1-based column of field <paramref name="fieldIndex"/>;
    /// for a field the record is too short to have, the end of the record, where it is missing.
    /// </summary>
    public static (int LineOffset, int Column) LocateField(string raw, int fieldIndex, char delimiter = ',')
    {
        var field = 0;
        var inQuotes = false;
        var offset = 0;
        for (var i = 0; i < raw.Length && field < fieldIndex; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == delimiter && !inQuotes)
            {
                field++;
                offset = i + 1;
            }
        }

        if (field < fieldIndex)
        {
            offset = raw.AsSpan().TrimEnd("\r\n").Length;
        }

        return PositionOf(raw, offset);
    }

    /// <summary>
    /// Describes a record whose quotes do not balance: where the quoted field that never closes starts,
    /// or where a quote stands inside an unquoted field. Null when the quotes are fine.
    /// </summary>
    public static (int LineOffset, int Column, string Problem, bool Unclosed)? FindQuoteProblem(string raw, char delimiter = ',')
    {
        var inQuotes = false;
        var fieldStart = 0;
        var quoteStart = -1;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
            }
            else if (c == '"')
            {
                if (i != fieldStart)
                {
                    var (line, column) = PositionOf(raw, i);
                    return (line, column, "a quote (\") inside an unquoted field; quote the whole field and double the quote (\"\")", false);
                }

                inQuotes = true;
                quoteStart = i;
            }
            else if (c == delimiter)
            {
                fieldStart = i + 1;
            }
            else if (c is '\n' or '\r')
            {
                fieldStart = i + 1;
            }
        }

        if (inQuotes)
        {
            var (line, column) = PositionOf(raw, quoteStart);
            return (line, column, "a quoted field starts here and is never closed; the rest of the file was read into it", true);
        }

        return null;
    }

    /// <summary>How many physical line breaks the text holds (CRLF counts once).</summary>
    public static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var breaks = text.Count('\n');
        var carriageReturns = text.Count('\r');
        if (carriageReturns > 0)
        {
            // Only a CR not followed by LF is a line break of its own.
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
                {
                    breaks++;
                }
            }
        }

        return breaks;
    }

    private static (int LineOffset, int Column) PositionOf(string raw, int offset)
    {
        var before = raw.AsSpan(0, Math.Min(offset, raw.Length));
        var lineOffset = CountLineBreaks(before);
        var lastBreak = before.LastIndexOfAny('\n', '\r');
        return (lineOffset, offset - lastBreak);
    }
}
