namespace Leadwise.Learning.Tables;

/// <summary>Settings for <see cref="TableFeatureBuilder"/>.</summary>
public sealed class TableFeatureOptions
{
    /// <summary>At most this many values of a categorical column get a one-hot feature of their own (the most frequent). Default 30.</summary>
    public int MaxCategories { get; init; } = 30;

    /// <summary>A categorical value needs at least this many rows for a feature of its own; rarer ones share "(other)". Default 10.</summary>
    public int MinCategoryRows { get; init; } = 10;

    /// <summary>
    /// A numeric column's most frequent value is a sentinel ("never", "none") when it is the column's minimum or
    /// maximum, holds at least this share of the present values, and is either far from the rest (further from
    /// the nearest other value than the others span) or one of −1, −999, 999, 9999, 99999. Default 0.5.
    /// </summary>
    public double SentinelMinShare { get; init; } = 0.5;

    /// <summary>Which cells count as missing.</summary>
    public ColumnRoleOptions Roles { get; init; } = new();
}
