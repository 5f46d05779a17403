namespace Leadwise.Core.Models;

/// <summary>A version made the one scoring uses, at a time. The history of these is what rollback walks back.</summary>
public sealed record ModelPromotion(string Kind, int Version, DateTimeOffset PromotedAt);
