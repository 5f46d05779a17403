namespace Leadwise.Scoring.Reports;

/// <summary>Settings of <see cref="RuleSuggester"/>.</summary>
public sealed class SuggestOptions
{
    /// <summary>The pseudo-field for single words of the title (suggested as <c>regex: '(?i)\bword\b'</c> on <c>title</c>).</summary>
    public const string TitleTokens = "title.tokens";

    /// <summary>Fewest invited leads a value needs before it gets a suggestion.</summary>
    public int MinSupport { get; init; } = 30;

    /// <summary>Points per unit of log-odds: 10 means odds ×e (2.72) against the base rate → +10 points, ×2 → +7.</summary>
    public double PointsPerLogOdds { get; init; } = 10;

    /// <summary>Suggested points are clamped to ±this.</summary>
    public double MaxPoints { get; init; } = 30;

    /// <summary>Categorical fields to examine (rule field names, or <see cref="TitleTokens"/>).</summary>
    public IReadOnlyList<string> Fields { get; init; } =
        ["seniority", "emailKind", "country", "gender", "campaign.type", "company.industry", TitleTokens];
}
