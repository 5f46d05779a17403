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
}
