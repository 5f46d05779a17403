namespace Leadwise.Core.Jobs;

/// <summary>
/// A node's claim on a running job: only <paramref name="Owner"/> records progress and the outcome, and it renews
/// the claim while it works, so a claim whose <paramref name="ExpiresAt"/> has passed belongs to a node that died.
/// </summary>
/// <param name="Owner">The node's id (<c>Leadwise:NodeId</c>).</param>
/// <param name="ExpiresAt">Until when the claim holds without another renewal.</param>
public sealed record JobLease(string Owner, DateTimeOffset ExpiresAt);
