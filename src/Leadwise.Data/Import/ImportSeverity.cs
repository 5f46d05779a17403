namespace Leadwise.Data.Import;

public enum ImportSeverity
{
    /// <summary>Imported anyway, but worth knowing (an unknown column kept aside, a missing optional column).</summary>
    Warning,
    /// <summary>The row (or file) cannot be imported as it is.</summary>
    Error,
}
