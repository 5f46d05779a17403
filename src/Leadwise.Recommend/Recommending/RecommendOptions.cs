namespace Leadwise.Recommend.Recommending;

/// <summary>How <see cref="SequenceRecommender"/> chooses.</summary>
public sealed record RecommendOptions
{
    /// <summary>
    /// False (the default): candidates are the messages of campaigns owned by the same user (account) as the lead's
    /// campaign — one customer's messages are never recommended to another's leads. True lifts that.
    /// </summary>
    public bool AllUsers { get; init; }

    /// <summary>How many runners-up to report per step.</summary>
    public int RunnersUp { get; init; } = 3;

    /// <summary>
    /// Thompson sampling: each candidate's message factor is drawn from its posterior (from the prior for a message never
    /// sent) instead of taking its mean, one draw per lead and message, so sparse and new messages get sent in proportion
    /// to the chance that they are better. False (the default): the deterministic ranking by expected reply probability.
    /// </summary>
    public bool Explore { get; init; }

    /// <summary>Seeds <see cref="Explore"/>'s draws (the same seed, the same choices); null draws from a shared random source.</summary>
    public int? ExploreSeed { get; init; }
}
