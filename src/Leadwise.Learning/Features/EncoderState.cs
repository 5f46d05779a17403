namespace Leadwise.Learning.Features;

/// <summary>What a fitted <see cref="LeadFeatureEncoder"/> learned: the countries and campaign types it one-hot encodes.</summary>
public sealed record EncoderState(IReadOnlyList<string> Countries, IReadOnlyList<string> CampaignTypes);
