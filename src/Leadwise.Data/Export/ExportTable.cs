namespace Leadwise.Data.Export;

/// <summary>
/// One CSV table (the export's five, events, companies): its file, its columns, and how a row maps to a Core record.
/// <see cref="Read"/> and <see cref="Write"/> visit the columns in <see cref="Columns"/> order, so one
/// definition serves the CSV reader, the CSV writer and the store.
/// </summary>
public abstract class ExportTable<TRow>
    where TRow : class
{
    private protected ExportTable(string fileName, string sqlTable, IReadOnlyList<ExportColumn> columns)
    {
        FileName = fileName;
        SqlTable = sqlTable;
        Columns = columns;
    }

    /// <summary>The export's file name, e.g. <c>Leads.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>The store's table name.</summary>
    public string SqlTable { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>What a header column the table does not know means (the export's tables keep it aside with a warning).</summary>
    internal virtual UnknownColumnHandling UnknownColumns => UnknownColumnHandling.KeepWithWarning;

    /// <summary>The store column that holds the unknown columns' values as JSON; null when the table keeps none.</summary>
    internal virtual string? ExtraSqlColumn => "extra";

    internal abstract TRow Read(IFieldSource source);

    internal abstract void Write(TRow row, IFieldSink sink);

    private protected static ExportColumn Id(string name) => new(name, FieldKind.Int64, Required: true);

    private protected static ExportColumn Column(string name, FieldKind kind) => new(name, kind);
}
