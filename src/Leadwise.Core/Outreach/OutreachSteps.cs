namespace Leadwise.Core.Outreach;

/// <summary>The steps of an outreach sequence: the invite, then follow-ups until the lead replies.</summary>
public static class OutreachSteps
{
    public const int Invite = 0;

    /// <summary>The export has columns up to a sixth follow-up, though campaigns send at most five.</summary>
    public const int LastFollowUp = 6;
}
