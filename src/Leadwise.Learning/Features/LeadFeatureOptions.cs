namespace Leadwise.Learning.Features;

/// <summary>The optional feature groups of <see cref="LeadFeatureEncoder.Fit(IEnumerable{PreContactFacts}, LeadFeatureOptions?)"/>.</summary>
public sealed record LeadFeatureOptions
{
    /// <summary>The conversion model's features: title words, campaign owner, and the default rules' point subtotals.</summary>
    public static LeadFeatureOptions Conversion { get; } = new() { TitleWords = true, CampaignOwner = true, PointRules = Scoring.Rules.RulesLoader.DefaultRulesText() };

    /// <summary>One flag per frequent title token (<c>titleWord=sales</c>, <see cref="TitleTokens"/>): what seniority alone misses (function, domain).</summary>
    public bool TitleWords { get; init; }

    /// <summary>
    /// A title word becomes a feature when at least this share of training leads (and at least <see cref="MinimumTitleWordLeads"/>)
    /// has it; rarer words would be fitted to a handful of replies.
    /// </summary>
    public double MinimumTitleWordShare { get; init; } = 0.01;

    public int MinimumTitleWordLeads { get; init; } = 50;

    public int MaximumTitleWords { get; init; } = 30;

    /// <summary>One-hot campaign owner (the account that runs the campaign): those with enough training leads, the rest as "other".</summary>
    public bool CampaignOwner { get; init; }

    /// <summary>An owner gets its own slot when at least this many training leads are in its campaigns; a smaller one would be fitted to its few replies.</summary>
    public int MinimumCampaignOwnerLeads { get; init; } = 50;

    public int MaximumCampaignOwners { get; init; } = 20;

    /// <summary>
    /// Whether training keeps an optional group only when it does not lower the held-out AUC (the default), or uses every
    /// group asked for (false) — for a team that wants its own point rules or owners in the model even at a small cost.
    /// </summary>
    public bool SelectGroups { get; init; } = true;

    /// <summary>
    /// A rules file (YAML or JSON, as <c>leadwise rules</c> takes) whose subtotal per scoring model at the invite becomes
    /// a feature (<c>points.Demographics</c> …); null leaves them out. Computed on <see cref="PreContactFacts.AsLeadFacts"/>,
    /// so outcome rules (replied, accepted) score nothing. Saved with the model, so it scores with the rules it learned.
    /// </summary>
    public string? PointRules { get; init; }
}
