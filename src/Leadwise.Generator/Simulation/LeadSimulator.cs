using Leadwise.Generator.Planning;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// Simulates one lead of a campaign from its own random stream (campaign seed × lead index), so any pass over
/// the leads regenerates exactly the same outcome without keeping leads in memory.
/// </summary>
internal static class LeadSimulator
{
    public const long HourMs = 3_600_000;
    public const long DayMs = PlanBuilder.DayMs;

    private static readonly double[] PopulationSeniority = [0.08, 0.30, 0.27, 0.20, 0.15];
    private static readonly double[] PopulationIndustry = [0.2, 0.12, 0.15, 0.12, 0.16, 0.1, 0.15];

    public static LeadOutcome Simulate(ExportPlan plan, CampaignPlan campaign, int localIndex)
    {
        var random = new StreamRandom(StreamRandom.Mix(campaign.Seed, (ulong)localIndex, 1));
        var profile = DrawProfile(campaign.Target, plan.Options.SpamLeadRate, plan.Model.Parameters.ResponsivenessSd, ref random);

        var skipped = random.Chance(0.015);
        var scheduled = campaign.StartMs + (long)(random.NextDouble() * campaign.PlannedSpanMs);
        var createdMs = campaign.StartMs + (long)(random.NextDouble() * Math.Min(2 * DayMs, Math.Max(1, Math.Min(scheduled, campaign.EndMs) - campaign.StartMs)));
        createdMs = Math.Min(createdMs, campaign.EndMs - 1);
        var gated = campaign.Channel == MessageChannel.LinkedInInvite;
        var acceptDelay = gated ? (10 * 60_000) + (long)random.NextExponential(2 * DayMs) : 0;
        var jitter = new double[campaign.Profiles.Count];
        for (var k = 1; k < jitter.Length; k++)
        {
            jitter[k] = random.NextDouble();
        }

        if (skipped || scheduled >= campaign.EndMs)
        {
            return new LeadOutcome(campaign.FirstLeadIndex + localIndex, profile, skipped, createdMs, null, null, null, [], null, null, 0);
        }

        scheduled = Math.Max(scheduled, createdMs);

        // Delivery times: step 0 reaches the lead when it accepts (gated) or at once; follow-up k one interval later.
        var delivery = new long[campaign.Profiles.Count];
        delivery[0] = scheduled + acceptDelay;
        for (var k = 1; k < delivery.Length; k++)
        {
            delivery[k] = delivery[k - 1] + campaign.IntervalMs(k) + (long)(jitter[k] * 4 * HourMs);
        }

        var received = 0;
        while (received < delivery.Length && delivery[received] < campaign.EndMs)
        {
            received++;
        }

        var (accepted, replyStep) = ReplySimulator.Simulate(plan.Model, profile, campaign.Profiles, received, ref random);
        var reachable = !gated || (accepted && received > 0);
        long? acceptedMs = gated && reachable ? delivery[0] : null;

        long? withdrawnMs = null;
        var withdrawAt = scheduled + (21 * DayMs) + (long)(random.NextDouble() * 7 * DayMs);
        if (gated && !accepted && random.Chance(0.35) && withdrawAt < campaign.EndMs)
        {
            withdrawnMs = withdrawAt;
        }

        var sentCount = !reachable ? 1 : replyStep is { } step ? step + 1 : Math.Max(received, 1);
        var sent = new long[sentCount];
        sent[0] = scheduled;
        for (var k = 1; k < sentCount; k++)
        {
            sent[k] = delivery[k];
        }

        long? replyMs = null;
        if (replyStep is { } r)
        {
            var next = r + 1 < received ? delivery[r + 1] : campaign.EndMs;
            replyMs = delivery[r] + (long)(random.NextDouble() * Math.Min(DayMs, next - delivery[r]));
        }

        return new LeadOutcome(campaign.FirstLeadIndex + localIndex, profile, false, createdMs, scheduled, acceptedMs, withdrawnMs, sent, replyStep, replyMs, received);
    }

    private static LeadProfile DrawProfile(Segment target, double spamRate, double responsivenessSd, ref StreamRandom random)
    {
        var inSegment = random.Chance(0.75);
        var language = inSegment ? target.Language : random.Chance(0.55) ? Language.German : Language.English;
        Span<double> seniorityWeights = stackalloc double[PopulationSeniority.Length];
        for (var level = 0; level < seniorityWeights.Length; level++)
        {
            var allowed = !inSegment || (level >= (int)target.MinSeniority && level <= (int)target.MaxSeniority);
            seniorityWeights[level] = allowed ? PopulationSeniority[level] : 0.0;
        }

        var seniority = (Seniority)random.NextWeighted(seniorityWeights);
        var industry = inSegment && target.Industry is { } targeted ? targeted : (Industry)random.NextWeighted(PopulationIndustry);
        var gender = random.Chance(0.62) ? Gender.Male : Gender.Female;
        var responsiveness = responsivenessSd * random.NextNormal();
        var spam = random.Chance(spamRate);
        return new LeadProfile(seniority, industry, language, gender, responsiveness, spam);
    }
}
