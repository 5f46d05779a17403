namespace Leadwise.Learning.Features;

/// <summary>What a fitted <see cref="LeadFeatureEncoder"/> learned: the countries, campaign types and industries it one-hot encodes.</summary>
public sealed record EncoderState(IReadOnlyList<string> Countries, IReadOnlyList<string> CampaignTypes, IReadOnlyList<string>? Industries = null);
