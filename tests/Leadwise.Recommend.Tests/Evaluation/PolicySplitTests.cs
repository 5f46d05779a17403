using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Evaluation;

/// <summary>The held-out split of <c>evaluate recommend</c>: by a seeded hash of the lead, or by time (the leads invited last).</summary>
public sealed class PolicySplitTests
{
    private static GeneratedOutreach Generated => GeneratedOutreach.Get(20_000, 42);

    [Fact]
    public void SplitByTime_HoldsOutTheNewestInvitedLeads_AndKeepsTheNeverInvitedForTraining()
    {
        var leads = Generated.Leads;

        var (training, heldOut) = PolicyEvaluation.Split(leads, new PolicyEvaluationOptions { SplitByTime = true, HoldOutShare = 0.3 });

        var invited = leads.Count(f => f.Lead.InviteSentAt is not null);
        Assert.Equal(leads.Count, training.Count + heldOut.Count);
        Assert.Equal((int)Math.Round(0.3 * invited, MidpointRounding.AwayFromZero), heldOut.Count);
        Assert.All(heldOut, f => Assert.NotNull(f.Lead.InviteSentAt));
        Assert.Equal(leads.Count(f => f.Lead.InviteSentAt is null), training.Count(f => f.Lead.InviteSentAt is null));
        var newestTraining = training.Where(f => f.Lead.InviteSentAt is not null).Max(f => f.Lead.InviteSentAt!.Value);
        Assert.True(heldOut.Min(f => f.Lead.InviteSentAt!.Value) >= newestTraining, "a held-out lead was invited before a training lead");
    }

    [Fact]
    public void SplitByLead_IsSeeded_AndIgnoresTime()
    {
        var leads = Generated.Leads;

        var (_, first) = PolicyEvaluation.Split(leads, new PolicyEvaluationOptions { Seed = 5 });
        var (_, again) = PolicyEvaluation.Split(leads, new PolicyEvaluationOptions { Seed = 5 });
        var (_, other) = PolicyEvaluation.Split(leads, new PolicyEvaluationOptions { Seed = 6 });

        Assert.Equal(first.Select(f => f.Lead.Id), again.Select(f => f.Lead.Id));
        Assert.NotEqual(first.Select(f => f.Lead.Id), other.Select(f => f.Lead.Id));
        Assert.InRange(first.Count, 0.28 * leads.Count, 0.32 * leads.Count);
        Assert.Contains(first, f => f.Lead.InviteSentAt is null);
    }
}
