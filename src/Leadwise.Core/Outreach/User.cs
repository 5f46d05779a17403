namespace Leadwise.Core.Outreach;

/// <summary>An account of the outreach tool (a customer of it); one row of Users.csv.</summary>
public sealed record User
{
    public required UserId Id { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Role { get; init; }
    public decimal? BoughtCredit { get; init; }
    public decimal? UsedCredit { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public ExtraFields Extra { get; init; } = ExtraFields.None;
}
