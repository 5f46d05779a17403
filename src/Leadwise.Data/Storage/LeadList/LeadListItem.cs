using Leadwise.Core.Models;
using Leadwise.Core.Outreach;

namespace Leadwise.Data.Storage.LeadList;

/// <summary>One row of a ranked lead list: who the lead is, its campaign, and its stored point and model scores.</summary>
public sealed record LeadListItem(
    LeadId Id,
    string? Name,
    string? FirstName,
    string? LastName,
    string? Title,
    string? CompanyName,
    CampaignId CampaignId,
    string? CampaignName,
    LeadPoints? Points,
    ModelScore? Model)
{
    /// <summary>The score the default order uses: the model score when there is one, else the point total.</summary>
    public double? RankedScore => Model is { } model ? model.Score : Points?.Total;

    /// <summary>The grade beside <see cref="RankedScore"/>.</summary>
    public string? RankedGrade => Model?.Grade ?? Points?.Grade;
}
