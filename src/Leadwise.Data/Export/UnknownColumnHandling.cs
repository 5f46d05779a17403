namespace Leadwise.Data.Export;

/// <summary>What a header column that a table does not define means.</summary>
internal enum UnknownColumnHandling
{
    /// <summary>Unexpected but kept: a warning, values stored with the row and written back by export.</summary>
    KeepWithWarning,

    /// <summary>Expected (an event's <c>seconds</c>): kept as a property without a warning, unless it looks like a known column.</summary>
    KeepAsProperties,

    /// <summary>The record has nowhere to keep it: a warning, values ignored.</summary>
    Ignore,
}
