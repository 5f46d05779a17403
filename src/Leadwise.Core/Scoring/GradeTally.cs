namespace Leadwise.Core.Scoring;

/// <summary>How many leads got a grade, how many of them were invited, and how many of those replied.</summary>
public sealed record GradeTally(string Grade, long Leads, long Invited, long Replied)
{
    /// <summary>This tally with one more lead; a reply counts only for an invited lead.</summary>
    public GradeTally With(bool invited, bool replied) => this with
    {
        Leads = Leads + 1,
        Invited = Invited + (invited ? 1 : 0),
        Replied = Replied + (invited && replied ? 1 : 0),
    };

    /// <summary>Replies over invited leads of this grade (0 when none were invited).</summary>
    public double ReplyRate => Invited == 0 ? 0 : (double)Replied / Invited;
}
