using System.Text.Json;
using Leadwise.Core.Jobs;

namespace Leadwise.Data.Storage;

/// <summary>What both stores share about a job row: its error lines as a JSON array (<c>jobs.errors</c>), and the states a job may end in.</summary>
internal static class JobRows
{
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
