namespace Leadwise.Learning.Tables;

/// <summary>A delimited file that cannot be read as a table; the message reads <c>file:line: reason</c>.</summary>
public sealed class DelimitedTableFormatException : FormatException
{
    public DelimitedTableFormatException(string source, int line, string reason)
        : base($"{source}:{line}: {reason}")
    {
        SourceName = source;
        Line = line;
        Reason = reason;
    }

    public DelimitedTableFormatException()
    {
        SourceName = string.Empty;
        Reason = string.Empty;
    }

    public DelimitedTableFormatException(string message)
        : base(message)
    {
        SourceName = string.Empty;
        Reason = message;
    }

    public DelimitedTableFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = string.Empty;
        Reason = message;
    }

    /// <summary>The file (or source name) being read.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based physical line the problem was found on.</summary>
    public int Line { get; }

    /// <summary>The problem, without the location.</summary>
    public string Reason { get; }
}
