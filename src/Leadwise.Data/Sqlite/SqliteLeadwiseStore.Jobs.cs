using System.Runtime.CompilerServices;
using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>The web API's background jobs, with the lease that lets one node at a time run each.</summary>
public sealed partial class SqliteLeadwiseStore
{
    internal const string JobValues =
        "$id, $kind, $state, $created, $started, $finished, $input, $stage, $done, $total, $result, $errors, $owner, $expires, $attempts";

    public Task CreateJobAsync(Job job, CancellationToken cancellationToken) => CreateJobAsync(job, [], cancellationToken);

    public async Task CreateJobAsync(Job job, IReadOnlyList<JobFileUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(files);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO jobs ({JobRows.Columns}) VALUES ({JobValues})";
            BindJob(command, job);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode is 19 /* SQLITE_CONSTRAINT */)
            {
                throw new InvalidOperationException($"There is already a job {job.Id}.", exception);
            }
        }

        foreach (var file in files)
        {
            await foreach (var chunk in JobFileChunk.ReadAsync(job.Id, file, cancellationToken).ConfigureAwait(false))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO job_files ({JobRows.FileColumns}) VALUES ($job, $name, $chunk, $data)";
                BindJobFile(command, chunk);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<JobFileChunk> ReadJobFilesAsync(string jobId, CancellationToken cancellationToken) =>
        QueryJobFilesAsync($"SELECT {JobRows.FileColumns} FROM job_files WHERE job_id = $job ORDER BY name, chunk", command => command.Parameters.AddWithValue("$job", jobId), cancellationToken);

    public IAsyncEnumerable<JobFileChunk> ReadAllJobFilesAsync(CancellationToken cancellationToken) =>
        QueryJobFilesAsync($"SELECT {JobRows.FileColumns} FROM job_files ORDER BY job_id, name, chunk", static _ => { }, cancellationToken);

    public async Task<IReadOnlyList<string>> ReadClaimableJobIdsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_expires_at < $now)
            ORDER BY created_at, id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", StoreTimestamps.ToMicroseconds(now));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<Job?> FindJobAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var job in QueryJobsAsync($"SELECT {JobRows.Columns} FROM jobs WHERE id = $id", command => command.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false))
        {
            return job;
        }

        return null;
    }

    public IAsyncEnumerable<Job> ReadJobsAsync(CancellationToken cancellationToken) =>
        QueryJobsAsync($"SELECT {JobRows.Columns} FROM jobs ORDER BY created_at, id", static _ => { }, cancellationToken);

    public async Task<Job?> StartJobAsync(string id, JobLease lease, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var started = StoreTimestamps.ToMicroseconds(startedAt);
        await foreach (var job in QueryJobsAsync(
            $"""
            UPDATE jobs SET state = 'running', started_at = $started, lease_owner = $owner, lease_expires_at = $expires, attempts = attempts + 1
            WHERE id = $id AND (state = 'queued' OR (state = 'running' AND lease_expires_at < $started))
            RETURNING {JobRows.Columns}
            """,
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$started", started);
                command.Parameters.AddWithValue("$owner", lease.Owner);
                command.Parameters.AddWithValue("$expires", StoreTimestamps.ToMicroseconds(lease.ExpiresAt));
            },
            cancellationToken).ConfigureAwait(false))
        {
            return job;
        }

        return null;
    }

    public async Task<bool> RenewJobAsync(string id, JobLease lease, ProgressUpdate? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = progress is null
            ? "UPDATE jobs SET lease_expires_at = $expires WHERE id = $id AND state = 'running' AND lease_owner = $owner"
            : """
              UPDATE jobs SET lease_expires_at = $expires, progress_stage = $stage, progress_done = $done, progress_total = $total
              WHERE id = $id AND state = 'running' AND lease_owner = $owner
              """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$owner", lease.Owner);
        command.Parameters.AddWithValue("$expires", StoreTimestamps.ToMicroseconds(lease.ExpiresAt));
        if (progress is not null)
        {
            command.Parameters.AddWithValue("$stage", progress.Stage);
            command.Parameters.AddWithValue("$done", progress.Done);
            command.Parameters.AddWithValue("$total", (object?)progress.Total ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> FinishJobAsync(string id, string leaseOwner, string state, DateTimeOffset finishedAt, string? resultJson, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        JobRows.RequireFinalState(state);
        ArgumentNullException.ThrowIfNull(errors);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE jobs SET state = $state, finished_at = $finished, result = $result, errors = $errors, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = $id AND state = 'running' AND lease_owner = $owner
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$owner", leaseOwner);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$finished", StoreTimestamps.ToMicroseconds(finishedAt));
        command.Parameters.AddWithValue("$result", (object?)resultJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$errors", JobRows.WriteErrors(errors));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM job_files WHERE job_id = $id";
        delete.Parameters.AddWithValue("$id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Binds <see cref="JobRows.FileColumns"/> to <c>$job, $name, $chunk, $data</c>; shared with the writer's copy.</summary>
    internal static void BindJobFile(SqliteCommand command, JobFileChunk chunk)
    {
        command.Parameters.AddWithValue("$job", chunk.JobId);
        command.Parameters.AddWithValue("$name", chunk.Name);
        command.Parameters.AddWithValue("$chunk", chunk.Index);
        command.Parameters.Add("$data", SqliteType.Blob).Value = chunk.Data.ToArray();
    }

    /// <summary>Binds every column of <see cref="JobRows.Columns"/> to <see cref="JobValues"/>; shared with the writer's copy.</summary>
    internal static void BindJob(SqliteCommand command, Job job)
    {
        static object Micros(DateTimeOffset? value) => value is { } v ? StoreTimestamps.ToMicroseconds(v) : DBNull.Value;
        command.Parameters.AddWithValue("$id", job.Id);
        command.Parameters.AddWithValue("$kind", job.Kind);
        command.Parameters.AddWithValue("$state", job.State);
        command.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(job.CreatedAt));
        command.Parameters.AddWithValue("$started", Micros(job.StartedAt));
        command.Parameters.AddWithValue("$finished", Micros(job.FinishedAt));
        command.Parameters.AddWithValue("$input", job.InputJson);
        command.Parameters.AddWithValue("$stage", (object?)job.Progress?.Stage ?? DBNull.Value);
        command.Parameters.AddWithValue("$done", (object?)job.Progress?.Done ?? DBNull.Value);
        command.Parameters.AddWithValue("$total", (object?)job.Progress?.Total ?? DBNull.Value);
        command.Parameters.AddWithValue("$result", (object?)job.ResultJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$errors", JobRows.WriteErrors(job.Errors));
        command.Parameters.AddWithValue("$owner", (object?)job.Lease?.Owner ?? DBNull.Value);
        command.Parameters.AddWithValue("$expires", Micros(job.Lease?.ExpiresAt));
        command.Parameters.AddWithValue("$attempts", job.Attempts);
    }

    /// <summary>One row of <typeparamref name="TRow"/> per result row: the jobs and their files are read the same way.</summary>
    private async IAsyncEnumerable<TRow> QueryJobRowsAsync<TRow>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, TRow> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }

    private IAsyncEnumerable<Job> QueryJobsAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        QueryJobRowsAsync(sql, bind, ReadJob, cancellationToken);

    private static Job ReadJob(SqliteDataReader reader)
    {
        DateTimeOffset? Time(int ordinal) => reader.IsDBNull(ordinal) ? null : StoreTimestamps.FromMicroseconds(reader.GetInt64(ordinal));
        return new Job(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            StoreTimestamps.FromMicroseconds(reader.GetInt64(3)),
            Time(4),
            Time(5),
            reader.GetString(6),
            reader.IsDBNull(7) ? null : new ProgressUpdate(reader.GetString(7), reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetInt64(9)),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            JobRows.ReadErrors(reader.GetString(11)),
            reader.IsDBNull(12) ? null : new JobLease(reader.GetString(12), StoreTimestamps.FromMicroseconds(reader.GetInt64(13))),
            reader.GetInt32(14));
    }

    private IAsyncEnumerable<JobFileChunk> QueryJobFilesAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        QueryJobRowsAsync(sql, bind, static reader => new JobFileChunk(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), (byte[])reader.GetValue(3)), cancellationToken);
}
