namespace Leadwise.Data.Storage.LeadList;

/// <summary>One page of a lead list and how many leads match the filters in all (<see cref="Total"/>).</summary>
public sealed record LeadListPage(IReadOnlyList<LeadListItem> Leads, long Total, int Offset, int Limit);
