namespace Leadwise.Core.Jobs;

/// <summary>A job's states: queued → running → succeeded or failed.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
