namespace Leadwise.Data.Postgres;

/// <summary>
/// What a PostgreSQL database says about its replication: whether it is a standby (<c>pg_is_in_recovery()</c>), when
/// the last replayed transaction committed on the primary, the seconds since then (an upper bound of the lag: an idle
/// primary makes it grow while nothing is missing), the replay pause state (<c>not paused</c>, <c>pause requested</c>,
/// <c>paused</c>) and whether everything received has been replayed.
/// </summary>
public sealed record ReplicationState(
    bool InRecovery,
    DateTimeOffset? LastReplayedCommitAt,
    double? SecondsSinceLastReplayedCommit,
    string? ReplayPauseState,
    bool? ReplayedAllReceived);
