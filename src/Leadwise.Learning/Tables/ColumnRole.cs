namespace Leadwise.Learning.Tables;

/// <summary>What a column's cells mean, as inferred from their values.</summary>
public enum ColumnRole
{
    /// <summary>Every non-missing cell is an invariant-culture number.</summary>
    Numeric,

    /// <summary>A small set of repeated values (the fallback for strings).</summary>
    Categorical,

    /// <summary>Exactly two values forming a pair such as yes/no, true/false, t/f, 1/0 or y/n.</summary>
    Boolean,

    /// <summary>Free text: mostly distinct values containing spaces.</summary>
    Text,

    /// <summary>ISO 8601 dates or date-times.</summary>
    Date,

    /// <summary>Unique per row (GUIDs, running numbers, codes); dropped before training.</summary>
    Identifier,

    /// <summary>At most one distinct non-missing value; carries no information.</summary>
    Constant,
}
