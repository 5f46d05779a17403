using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Testing;
using Leadwise.Testing.Outreach;

namespace Leadwise.Scoring.Tests;

/// <summary>Small helpers for LeadFacts in scoring tests; leads come from the shared <see cref="LeadBuilder"/>.</summary>
internal static class Facts
{
    public static readonly DateTimeOffset AsOf = TestTime.Base;

    public static LeadFacts Of(Lead lead, params EngagementEvent[] events) =>
        new(lead, new CampaignBuilder().Build(), null, events);

    /// <summary>The builder's lead with a corporate address (its own, at example.com, is a test address).</summary>
    public static Lead Lead() => new LeadBuilder().Build() with { Email = "anna.schmidt@beispiel-ag.de" };

    public static LeadFacts Of(Func<Lead, Lead> edit, params EngagementEvent[] events) =>
        Of(edit(Lead()), events);

    public static EngagementEvent Event(string type, double daysAgo) =>
        new() { LeadId = new LeadId(1), Type = type, OccurredAt = AsOf.AddDays(-daysAgo) };

    public static EngagementEvent EventAt(string type, DateTimeOffset at) =>
        new() { LeadId = new LeadId(1), Type = type, OccurredAt = at };
}
