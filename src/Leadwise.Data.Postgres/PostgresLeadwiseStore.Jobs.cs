using System.Runtime.CompilerServices;
using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>The web API's background jobs, with the lease that lets one node at a time run each.</summary>
public sealed partial class PostgresLeadwiseStore
{
    private const string JobSelect =
        "id, kind, state, created_at, started_at, finished_at, input::text, progress_stage, progress_done, progress_total, result::text, errors::text, lease_owner, lease_expires_at, attempts";

    internal const string JobValues = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15";

    public Task CreateJobAsync(Job job, CancellationToken cancellationToken) => CreateJobAsync(job, [], cancellationToken);

    public async Task CreateJobAsync(Job job, IReadOnlyList<JobFileUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(files);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"INSERT INTO jobs ({JobRows.Columns}) VALUES ({JobValues})", connection, transaction))
        {
            BindJob(command, job);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new InvalidOperationException($"There is already a job {job.Id}.", exception);
            }
        }

        foreach (var file in files)
        {
            await foreach (var chunk in JobFileChunk.ReadAsync(job.Id, file, cancellationToken).ConfigureAwait(false))
            {
                await using var command = new NpgsqlCommand($"INSERT INTO job_files ({JobRows.FileColumns}) VALUES ($1, $2, $3, $4)", connection, transaction);
                BindJobFile(command, chunk);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<JobFileChunk> ReadJobFilesAsync(string jobId, CancellationToken cancellationToken) =>
        QueryJobFilesAsync($"SELECT {JobRows.FileColumns} FROM job_files WHERE job_id = $1 ORDER BY name COLLATE \"C\", chunk", [Text(jobId)], cancellationToken);

    public IAsyncEnumerable<JobFileChunk> ReadAllJobFilesAsync(CancellationToken cancellationToken) =>
        QueryJobFilesAsync($"SELECT {JobRows.FileColumns} FROM job_files ORDER BY job_id COLLATE \"C\", name COLLATE \"C\", chunk", [], cancellationToken);

    public async Task<IReadOnlyList<string>> ReadClaimableJobIdsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_expires_at < $1)
            ORDER BY created_at, id COLLATE "C" LIMIT $2
            """, connection);
        command.Parameters.Add(Time(now));
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
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
        await foreach (var job in QueryJobsAsync($"SELECT {JobSelect} FROM jobs WHERE id = $1", [Text(id)], cancellationToken).ConfigureAwait(false))
        {
            return job;
        }

        return null;
    }

    public IAsyncEnumerable<Job> ReadJobsAsync(CancellationToken cancellationToken) =>
        QueryJobsAsync($"SELECT {JobSelect} FROM jobs ORDER BY created_at, id COLLATE \"C\"", [], cancellationToken);

    public async Task<Job?> StartJobAsync(string id, JobLease lease, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await foreach (var job in QueryJobsAsync(
            $"""
            UPDATE jobs SET state = 'running', started_at = $2, lease_owner = $3, lease_expires_at = $4, attempts = attempts + 1
            WHERE id = $1 AND (state = 'queued' OR (state = 'running' AND lease_expires_at < $2))
            RETURNING {JobSelect}
            """,
            [Text(id), Time(startedAt), Text(lease.Owner), Time(lease.ExpiresAt)],
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
        await using var command = new NpgsqlCommand(
            progress is null
                ? "UPDATE jobs SET lease_expires_at = $3 WHERE id = $1 AND state = 'running' AND lease_owner = $2"
                : "UPDATE jobs SET lease_expires_at = $3, progress_stage = $4, progress_done = $5, progress_total = $6 WHERE id = $1 AND state = 'running' AND lease_owner = $2",
            connection);
        command.Parameters.Add(Text(id));
        command.Parameters.Add(Text(lease.Owner));
        command.Parameters.Add(Time(lease.ExpiresAt));
        if (progress is not null)
        {
            command.Parameters.Add(Text(progress.Stage));
            command.Parameters.Add(Number(progress.Done));
            command.Parameters.Add(Number(progress.Total));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> FinishJobAsync(string id, string leaseOwner, string state, DateTimeOffset finishedAt, string? resultJson, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        JobRows.RequireFinalState(state);
        ArgumentNullException.ThrowIfNull(errors);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One statement, so the outcome and the deletion of the job's files commit together or not at all.
        await using var command = new NpgsqlCommand("""
            WITH finished AS (
                UPDATE jobs SET state = $3, finished_at = $4, result = $5, errors = $6, lease_owner = NULL, lease_expires_at = NULL
                WHERE id = $1 AND state = 'running' AND lease_owner = $2
                RETURNING id),
            deleted AS (DELETE FROM job_files WHERE job_id IN (SELECT id FROM finished))
            SELECT count(*) FROM finished
            """, connection);
        command.Parameters.Add(Text(id));
        command.Parameters.Add(Text(leaseOwner));
        command.Parameters.Add(Text(state));
        command.Parameters.Add(Time(finishedAt));
        command.Parameters.Add(Json(resultJson));
        command.Parameters.Add(Json(JobRows.WriteErrors(errors)));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    /// <summary>Binds every column of <see cref="JobRows.Columns"/> in order; shared with the writer's copy.</summary>
    internal static void BindJob(NpgsqlCommand command, Job job)
    {
        command.Parameters.Add(Text(job.Id));
        command.Parameters.Add(Text(job.Kind));
        command.Parameters.Add(Text(job.State));
        command.Parameters.Add(Time(job.CreatedAt));
        command.Parameters.Add(Time(job.StartedAt));
        command.Parameters.Add(Time(job.FinishedAt));
        command.Parameters.Add(Json(job.InputJson));
        command.Parameters.Add(Text(job.Progress?.Stage));
        command.Parameters.Add(Number(job.Progress?.Done));
        command.Parameters.Add(Number(job.Progress?.Total));
        command.Parameters.Add(Json(job.ResultJson));
        command.Parameters.Add(Json(JobRows.WriteErrors(job.Errors)));
        command.Parameters.Add(Text(job.Lease?.Owner));
        command.Parameters.Add(Time(job.Lease?.ExpiresAt));
        command.Parameters.Add(new NpgsqlParameter { Value = job.Attempts, NpgsqlDbType = NpgsqlDbType.Integer });
    }

    /// <summary>Binds <see cref="JobRows.FileColumns"/> in order; shared with the writer's copy.</summary>
    internal static void BindJobFile(NpgsqlCommand command, JobFileChunk chunk)
    {
        command.Parameters.Add(Text(chunk.JobId));
        command.Parameters.Add(Text(chunk.Name));
        command.Parameters.Add(new NpgsqlParameter { Value = chunk.Index, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = chunk.Data.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Json(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Json };

    private static NpgsqlParameter Number(long? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter Time(DateTimeOffset? value) => new() { Value = value is { } v ? ToStored(v) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>One row of <typeparamref name="TRow"/> per result row: the jobs and their files are read the same way.</summary>
    private async IAsyncEnumerable<TRow> QueryJobRowsAsync<TRow>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, TRow> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }

    private IAsyncEnumerable<Job> QueryJobsAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken) =>
        QueryJobRowsAsync(sql, parameters, ReadJob, cancellationToken);

    private static Job ReadJob(NpgsqlDataReader reader)
    {
        DateTimeOffset? Moment(int ordinal) => reader.IsDBNull(ordinal) ? null : PostgresFieldSource.ReadTimestamp(reader, ordinal);
        return new Job(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            PostgresFieldSource.ReadTimestamp(reader, 3),
            Moment(4),
            Moment(5),
            reader.GetString(6),
            reader.IsDBNull(7) ? null : new ProgressUpdate(reader.GetString(7), reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetInt64(9)),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            JobRows.ReadErrors(reader.GetString(11)),
            reader.IsDBNull(12) ? null : new JobLease(reader.GetString(12), PostgresFieldSource.ReadTimestamp(reader, 13)),
            reader.GetInt32(14));
    }

    private IAsyncEnumerable<JobFileChunk> QueryJobFilesAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken) =>
        QueryJobRowsAsync(sql, parameters, static reader => new JobFileChunk(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3)), cancellationToken);
}
