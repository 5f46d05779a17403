namespace Leadwise.Learning.Features;

/// <summary>
/// What a fitted <see cref="LeadFeatureEncoder"/> learned: the countries, campaign types and industries it one-hot encodes,
/// and, when fitted with them (<see cref="LeadFeatureOptions"/>), the title words and campaign owners it flags and the
/// point rules whose subtotals it reads. Models saved before those existed restore with null, and encode as they were trained.
/// <see cref="LogEventCounts"/>: event counts enter as log(1 + n); models saved before it restore with false and read raw counts.
/// </summary>
public sealed record EncoderState(
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> CampaignTypes,
    IReadOnlyList<string>? Industries = null,
    IReadOnlyList<string>? TitleWords = null,
    IReadOnlyList<string>? CampaignOwners = null,
    string? PointRules = null,
    bool LogEventCounts = false);
