using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;

namespace Leadwise.Server;

/// <summary>
/// The store read-only requests read through: a PostgreSQL streaming replica when <c>Leadwise:ReadDatabase</c> is set,
/// else the primary store itself. Writes, the reads that decide a write (an event's lead, its facts for the score the
/// post answers) and API-key lookups keep using <see cref="ILeadwiseStore"/>, the primary (docs/scaling.md says why).
/// </summary>
public sealed class ReadStore : IAsyncDisposable
{
    private ReadStore(ILeadwiseStore store, PostgresLeadwiseStore? replica)
    {
        Store = store;
        Replica = replica;
    }

    /// <summary>The store to read from: the replica, or the primary when there is none.</summary>
    public ILeadwiseStore Store { get; }

    /// <summary>The replica, or null when reads go to the primary.</summary>
    public PostgresLeadwiseStore? Replica { get; }

    /// <summary>Reads go to the primary: no replica is configured.</summary>
    public static ReadStore OfPrimary(ILeadwiseStore primary) => new(primary, replica: null);

    /// <summary>Reads go to <paramref name="replica"/>, which this object then owns.</summary>
    public static ReadStore OfReplica(PostgresLeadwiseStore replica) => new(replica, replica);

    /// <summary>Disposes the replica only: the primary belongs to the container that made it.</summary>
    public ValueTask DisposeAsync() => Replica?.DisposeAsync() ?? ValueTask.CompletedTask;
}
