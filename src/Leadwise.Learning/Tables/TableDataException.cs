namespace Leadwise.Learning.Tables;

/// <summary>
/// A table that can be read but not trained on as asked (no such label column, one class only, …).
/// The message reads <c>file: column "name": reason</c>; hosts show it as a one-line user error.
/// </summary>
public sealed class TableDataException : Exception
{
    public TableDataException(string source, string? column, string reason)
        : base(column is null ? $"{source}: {reason}" : $"{source}: column \"{column}\": {reason}")
    {
        SourceName = source;
        Column = column;
        Reason = reason;
    }

    public TableDataException()
    {
        SourceName = string.Empty;
        Reason = string.Empty;
    }

    public TableDataException(string message)
        : base(message)
    {
        SourceName = string.Empty;
        Reason = message;
    }

    public TableDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = string.Empty;
        Reason = message;
    }

    /// <summary>The file (or source name) of the table.</summary>
    public string SourceName { get; }

    /// <summary>The column at fault, if one is.</summary>
    public string? Column { get; }

    /// <summary>The problem, without the location.</summary>
    public string Reason { get; }
}
