namespace Leadwise.Core.Outreach;

/// <summary>
/// How leads moved through the sequence: how many received each step and how many replied at it.
/// Built one lead at a time, so it can run over a streamed million-lead store.
/// </summary>
public sealed class OutreachFunnel
{
    private readonly long[] _sent = new long[OutreachSteps.LastFollowUp + 1];
    private readonly long[] _replied = new long[OutreachSteps.LastFollowUp + 1];

    public long Leads { get; private set; }

    public long Replied { get; private set; }

    public void Add(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        Leads++;
        var steps = lead.StepsSent;
        for (var step = 0; step < steps; step++)
        {
            _sent[step]++;
        }

        if (lead.ReplyStep is { } replyStep)
        {
            _replied[replyStep]++;
            Replied++;
        }
    }

    /// <summary>Leads that received step <paramref name="step"/> (0 = invite).</summary>
    public long Sent(int step) => _sent[step];

    /// <summary>Leads whose reply came after step <paramref name="step"/>.</summary>
    public long RepliedAt(int step) => _replied[step];

    /// <summary>Replies at the step over leads that received it: the step's empirical hazard.</summary>
    public double ReplyRate(int step) => _sent[step] == 0 ? 0 : (double)_replied[step] / _sent[step];
}
