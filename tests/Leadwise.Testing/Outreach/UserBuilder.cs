using Leadwise.Core.Outreach;

namespace Leadwise.Testing.Outreach;

/// <summary>Builds a valid <see cref="User"/>; tests state only what matters to them.</summary>
public sealed class UserBuilder
{
    private User _user = new()
    {
        Id = new UserId(1),
        CompanyName = "Acme GmbH",
        Email = "owner@acme.example",
        Role = "Admin",
        BoughtCredit = 100m,
        UsedCredit = 12m,
        CreatedAt = TestTime.Base.AddDays(-30),
        UpdatedAt = TestTime.Base,
    };

    public UserBuilder WithId(long id)
    {
        _user = _user with { Id = new UserId(id) };
        return this;
    }

    public UserBuilder OfCompany(string? companyName)
    {
        _user = _user with { CompanyName = companyName };
        return this;
    }

    public UserBuilder WithRole(string? role)
    {
        _user = _user with { Role = role };
        return this;
    }

    public UserBuilder WithExtra(string column, string? value)
    {
        _user = _user with { Extra = ExtraFields.From([.. _user.Extra.Values, new(column, value)]) };
        return this;
    }

    public User Build() => _user;
}
