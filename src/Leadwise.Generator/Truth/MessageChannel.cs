namespace Leadwise.Generator.Truth;

/// <summary>How a campaign reaches its leads; it decides whether the invite must be accepted first.</summary>
public enum MessageChannel
{
    /// <summary><c>OutreachSalesNav</c>: a LinkedIn connection request, then follow-ups once accepted (gated).</summary>
    LinkedInInvite = 0,

    /// <summary><c>ExistingSalesNav</c>: already-connected contacts; no acceptance gate.</summary>
    LinkedInExisting = 1,

    /// <summary>Email sequences; no acceptance gate.</summary>
    Email = 2,
}
