using Leadwise.Learning.Features;
using Leadwise.Learning.Model;

namespace Leadwise.Learning.Monitoring;

/// <summary>
/// How far the current leads have moved from a conversion model's training data, as <c>leadwise drift</c> and the
/// dashboard's model page both measure it: the leads not yet invited, seen as of <c>asOf</c> (every lead when asked,
/// or when none is waiting, since an empty population has no distribution to compare).
/// </summary>
public static class CurrentLeadsDrift
{
    public static CurrentDrift Measure(ConversionModel model, StoreLeads leads, DateTimeOffset asOf, bool allLeads = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(leads);
        var current = leads.All.Where(facts => facts.Lead.InviteSentAt is null).ToList();
        var population = "not yet invited";
        if (allLeads || current.Count == 0)
        {
            population = current.Count == 0 && !allLeads ? "all (none is waiting for an invite)" : "all";
            current = [.. leads.All];
        }

        var rows = current
            .Select(lead => model.Encoder.Encode(PreContactFacts.ForScoring(lead, leads.Messages.GetValueOrDefault(lead.Lead.CampaignId), asOf)))
            .ToList();
        return new CurrentDrift(model.Card.Drift.Compare(model.Card.Groups, rows, model.PredictProbabilities(rows)), population, asOf);
    }
}

/// <summary>A drift report with which leads it compared (<see cref="Population"/>, in words) and the moment they were seen at.</summary>
public sealed record CurrentDrift(DriftReport Report, string Population, DateTimeOffset AsOf);
