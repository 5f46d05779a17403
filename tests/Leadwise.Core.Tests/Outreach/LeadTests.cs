using Leadwise.Core.Outreach;
using Leadwise.Testing.Outreach;

namespace Leadwise.Core.Tests.Outreach;

public sealed class LeadTests
{
    [Fact]
    public void StepsSent_WhenInviteWasNeverSent_IsZero()
    {
        // Given
        var lead = new LeadBuilder().Build();

        // Then
        Assert.Equal(0, lead.StepsSent);
        Assert.Null(lead.ReplyStep);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)]
    public void ReplyStep_WhenRepliedAtStepK_IsKAndStepsSentIsKPlusOne(int step)
    {
        // Given
        var lead = new LeadBuilder().RepliedAtStep(step).Build();

        // Then
        Assert.Equal(step + 1, lead.StepsSent);
        Assert.Equal(step, lead.ReplyStep);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void ReplyStep_WhenNotReplied_IsNullWhateverWasSent(int lastStep)
    {
        // Given
        var lead = new LeadBuilder().SentStepsUpTo(lastStep).Build();

        // Then
        Assert.Equal(lastStep + 1, lead.StepsSent);
        Assert.Null(lead.ReplyStep);
    }

    [Fact]
    public void ReplyStep_WhenRepliedIsUnknown_IsNull()
    {
        // Given
        var lead = new LeadBuilder().SentStepsUpTo(2).WithReplied(null).Build();

        // Then
        Assert.Null(lead.ReplyStep);
    }

    [Fact]
    public void StepsSent_WhenAFollowUpIsMissing_StopsCountingAtTheGap()
    {
        // Given: invite and follow-up 2 sent, follow-up 1 not
        var lead = new LeadBuilder().SentStep(0).SentStep(2).SentStep(3).WithReplied(true).Build();

        // Then
        Assert.Equal(1, lead.StepsSent);
        Assert.Equal(0, lead.ReplyStep);
    }

    [Fact]
    public void StepsSent_WhenOnlyFollowUpsWereSent_IsZeroAndNoReplyStep()
    {
        // Given
        var lead = new LeadBuilder().SentStep(1).WithReplied(true).Build();

        // Then
        Assert.Equal(0, lead.StepsSent);
        Assert.Null(lead.ReplyStep);
    }

    [Fact]
    public void SentAt_MapsEachStepToItsTimestamp()
    {
        // Given
        var lead = new LeadBuilder().SentStepsUpTo(6).Build();

        // Then
        Assert.Equal(lead.InviteSentAt, lead.SentAt(0));
        Assert.Equal(lead.FirstFollowUpSentAt, lead.SentAt(1));
        Assert.Equal(lead.ThirdFollowUpSentAt, lead.SentAt(3));
        Assert.Equal(lead.SixthFollowUpSentAt, lead.SentAt(6));
        Assert.Equal(7, lead.StepsSent);
        Assert.Equal(6, lead.SentAt(6)!.Value.Subtract(lead.SentAt(0)!.Value).TotalDays);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void SentAt_WhenStepIsOutOfRange_Throws(int step)
    {
        // Given
        var lead = new LeadBuilder().Build();

        // Then
        Assert.Throws<ArgumentOutOfRangeException>(() => lead.SentAt(step));
    }

    [Fact]
    public void Equality_OfTwoLeadsBuiltAlike_HoldsIncludingExtraFields()
    {
        // Given
        var first = new LeadBuilder().WithId(9).RepliedAtStep(1).WithExtra("score", "17").WithExtra("tier", null).Build();
        var second = new LeadBuilder().WithId(9).RepliedAtStep(1).WithExtra("tier", null).WithExtra("score", "17").Build();

        // Then
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Extra = ExtraFields.From([new("score", "18"), new("tier", null)]) });
    }
}
