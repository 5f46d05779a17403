using System.Text.Json;
using Leadwise.Core.Jobs;

namespace Leadwise.Data.Storage;

/// <summary>What both stores share about a job row: its columns and its files' columns in the order both read them, its error lines as a JSON array (<c>jobs.errors</c>), and the states a job may end in.</summary>
internal static class JobRows
{
    public const string Columns =
        "id, kind, state, created_at, started_at, finished_at, input, progress_stage, progress_done, progress_total, result, errors, lease_owner, lease_expires_at, attempts";

    public const string FileColumns = "job_id, name, chunk, data";

    public static string WriteErrors(IReadOnlyList<string> errors) => JsonSerializer.Serialize(errors);

    public static IReadOnlyList<string> ReadErrors(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static void RequireFinalState(string state)
    {
        if (state is not (JobStates.Succeeded or JobStates.Failed))
        {
            throw new ArgumentException($"A job finishes as {JobStates.Succeeded} or {JobStates.Failed}, not {state}.", nameof(state));
        }
    }
}
