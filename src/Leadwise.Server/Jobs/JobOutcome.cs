namespace Leadwise.Server.Jobs;

/// <summary>How a job ended, as <see cref="IJobHandler"/> reports it: succeeded or not, its result (the kind's JSON) and its error lines.</summary>
internal sealed record JobOutcome(bool Succeeded, string? ResultJson, IReadOnlyList<string> Errors)
{
    public static JobOutcome Failed(string error) => new(false, null, [error]);
}
