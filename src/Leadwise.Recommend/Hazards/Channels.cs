namespace Leadwise.Recommend.Hazards;

/// <summary>Which campaign types gate their sequence behind an accepted invite.</summary>
public static class Channels
{
    /// <summary>The LinkedIn connection-request campaign type: follow-ups and replies need the invite accepted first.</summary>
    public const string GatedType = "OutreachSalesNav";

    /// <summary>True when a lead of a campaign of <paramref name="campaignType"/> must accept the invite before it can reply.</summary>
    public static bool IsGated(string? campaignType) => string.Equals(campaignType, GatedType, StringComparison.Ordinal);
}
