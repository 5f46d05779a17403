namespace Leadwise.Server.Jobs;

/// <summary>How this node takes part in running the store's background jobs (section <c>Leadwise:Jobs</c>).</summary>
internal sealed class JobRunnerOptions
{
    public const string Section = "Leadwise:Jobs";

    /// <summary><c>Leadwise:Jobs:Run</c>: false for an API-only node, which accepts and answers for jobs but leaves running them to other nodes; true unless set.</summary>
    public bool Run { get; set; } = true;

    /// <summary><c>Leadwise:Jobs:PollSeconds</c>: how often an idle node asks the store for a claimable job (a job accepted by this node starts at once); 5 unless set.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary><c>Leadwise:Jobs:LeaseSeconds</c>: how long a claim holds without renewal (renewed every second while the job runs), so how soon another node takes over a job whose node died; 60 unless set.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary><c>Leadwise:Jobs:MaxAttempts</c>: how many claims a job gets; a job claimed more often (its nodes kept dying) fails with the reason; 3 unless set.</summary>
    public int MaxAttempts { get; set; } = 3;

    public bool IsValid => PollSeconds is >= 1 and <= 3600 && LeaseSeconds is >= 5 and <= 86_400 && MaxAttempts is >= 1 and <= 100;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);
}
