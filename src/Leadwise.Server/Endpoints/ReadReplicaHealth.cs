using Npgsql;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// The read replica as <c>/health/ready</c> reports it: where it is, its lead count, whether it is a standby, when the
/// last transaction it replayed committed on the primary, the seconds since (an upper bound of the lag; an idle primary
/// makes it grow) and its replay pause state; or why it could not be asked.
/// </summary>
internal sealed record ReadReplicaHealth(
    string Store,
    long? Leads,
    bool? InRecovery,
    DateTimeOffset? LastReplayedCommitAt,
    double? SecondsSinceLastReplayedCommit,
    string? ReplayPauseState,
    string? Error)
{
    /// <summary>Null when reads go to the primary.</summary>
    public static async Task<ReadReplicaHealth?> CheckAsync(ReadStore reads, CancellationToken cancellationToken)
    {
        if (reads.Replica is not { } replica)
        {
            return null;
        }

        try
        {
            var counts = await replica.CountAsync(cancellationToken);
            var state = await replica.ReadReplicationStateAsync(cancellationToken);
            return new ReadReplicaHealth(replica.Description, counts.Leads, state.InRecovery, state.LastReplayedCommitAt, state.SecondsSinceLastReplayedCommit, state.ReplayPauseState, Error: null);
        }
        catch (NpgsqlException exception)
        {
            // A node whose reads cannot be served is not ready; the message names no password (Npgsql never shows it).
            return new ReadReplicaHealth(replica.Description, null, null, null, null, null, exception.Message);
        }
    }
}
