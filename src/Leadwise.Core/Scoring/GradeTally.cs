namespace Leadwise.Core.Scoring;

/// <summary>How many leads got a grade, how many of them were invited, and how many of those replied.</summary>
public sealed record GradeTally(string Grade, long Leads, long Invited, long Replied)
{
    /// <summary>Replies over invited leads of this grade (0 when none were invited).</summary>
    public double ReplyRate => Invited == 0 ? 0 : (double)Replied / Invited;
}
