using System.Globalization;

namespace Leadwise.Testing.Postgres;

/// <summary>
/// A throwaway primary and a hot standby streaming from it over loopback (<c>pg_basebackup -R</c>), both stopped and
/// deleted on dispose. A store location on the primary reads on the standby through <see cref="ReplicaOf"/>; replay can
/// be paused to show which server an answer came from, and awaited to show replicated rows arrive.
/// </summary>
public sealed class ThrowawayPostgresReplica : IAsyncDisposable
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(30);

    private ThrowawayPostgresReplica(ThrowawayPostgresServer primary, ThrowawayPostgresServer standby)
    {
        Primary = primary;
        Standby = standby;
    }

    public ThrowawayPostgresServer Primary { get; }

    public ThrowawayPostgresServer Standby { get; }

    public static async Task<ThrowawayPostgresReplica> StartAsync(string binaries, CancellationToken cancellationToken)
    {
        var primary = await ThrowawayPostgresServer.StartAsync(binaries, forReplication: true, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ThrowawayPostgresReplica(primary, await primary.StartStandbyAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await primary.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The same database and search path as <paramref name="primaryLocation"/>, on the standby.</summary>
    public string ReplicaOf(string primaryLocation) =>
        new Npgsql.NpgsqlConnectionStringBuilder(primaryLocation) { Port = Standby.Port }.ConnectionString;

    /// <summary>Stops applying WAL on the standby (<c>pg_wal_replay_pause()</c>): nothing written on the primary from now on shows there.</summary>
    public Task PauseReplayAsync(CancellationToken cancellationToken) => Standby.ScalarAsync("postgres", "SELECT pg_wal_replay_pause()", cancellationToken);

    public Task ResumeReplayAsync(CancellationToken cancellationToken) => Standby.ScalarAsync("postgres", "SELECT pg_wal_replay_resume()", cancellationToken);

    /// <summary>Waits until the standby has replayed everything the primary had written when this was called.</summary>
    public async Task WaitForReplayAsync(CancellationToken cancellationToken)
    {
        var written = (string)(await Primary.ScalarAsync("postgres", "SELECT pg_current_wal_insert_lsn()::text", cancellationToken).ConfigureAwait(false))!;
        var deadline = DateTime.UtcNow + CatchUpTimeout;
        while (await Standby.ScalarAsync("postgres", $"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn", cancellationToken).ConfigureAwait(false) is not true)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The standby did not replay up to {written} within {CatchUpTimeout.TotalSeconds} s."));
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Standby.DisposeAsync().ConfigureAwait(false);
        await Primary.DisposeAsync().ConfigureAwait(false);
    }
}
