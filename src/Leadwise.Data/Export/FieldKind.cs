namespace Leadwise.Data.Export;

/// <summary>How a column's text is parsed and written.</summary>
public enum FieldKind
{
    /// <summary>A plain integer id or counter (64-bit).</summary>
    Int64,
    /// <summary>A plain integer that fits 32 bits (counters, steps).</summary>
    Int32,
    /// <summary>An exact decimal number (credits).</summary>
    Decimal,
    /// <summary>A number that may be written <c>1</c> or <c>1.0</c> (intervals in days).</summary>
    Double,
    /// <summary><c>t</c> / <c>f</c>.</summary>
    Boolean,
    /// <summary>PostgreSQL text form, e.g. <c>2023-10-19 10:31:45.096+00</c>; stored as UTC.</summary>
    Timestamp,
    /// <summary>Free text, possibly multi-line.</summary>
    Text,
}
