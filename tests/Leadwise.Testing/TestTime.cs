namespace Leadwise.Testing;

/// <summary>Fixed instants for builders, so records are deterministic and need no clock.</summary>
public static class TestTime
{
    /// <summary>2023-10-19 10:31:45.096 UTC, the instant in the export format's example.</summary>
    public static readonly DateTimeOffset Base = new(2023, 10, 19, 10, 31, 45, 96, TimeSpan.Zero);
}
