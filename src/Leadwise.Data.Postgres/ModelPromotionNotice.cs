namespace Leadwise.Data.Postgres;

/// <summary>A model version promoted (or rolled back to) in a store, as its NOTIFY announced it to listening nodes.</summary>
public sealed record ModelPromotionNotice(string Kind, int Version);
