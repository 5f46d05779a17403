namespace Leadwise.Generator.Simulation;

/// <summary>
/// Large, unique, increasing but not sequential ids: <c>base + index·stride + offset</c> with a
/// seed-dependent offset in [0, stride). Unique by construction; never row positions.
/// </summary>
internal static class Ids
{
    public const long UserBase = 480_000_000;
    public const long CampaignBase = 310_000_000;
    public const long LeadBase = 210_000_000_000;
    public const long SnapshotBase = 70_000_000_000;

    public static long Make(long @base, int stride, ulong salt, long index) =>
        @base + (index * stride) + (long)(StreamRandom.Mix(salt, (ulong)index, 0xD1CE) % (ulong)stride);
}
