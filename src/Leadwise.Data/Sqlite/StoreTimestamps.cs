namespace Leadwise.Data.Sqlite;

/// <summary>
/// Timestamps are stored as UTC microseconds since 1970: the precision PostgreSQL keeps, a quarter of
/// the bytes of ISO text (a million-lead store holds millions of them), and numeric order is time order.
/// In SQL: <c>datetime(invite_sent_at / 1000000, 'unixepoch')</c>.
/// </summary>
internal static class StoreTimestamps
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long ToMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(microseconds * TicksPerMicrosecond);
}
