namespace Leadwise.Data.Storage.LeadList;

/// <summary>Which score a lead list filters by grade and range and orders by.</summary>
public enum LeadListBasis
{
    /// <summary>The model score (0–100) and grade when the lead has one, else its point total and grade.</summary>
    Ranked,

    /// <summary>The point total and grade, whatever the model says.</summary>
    Points,
}
