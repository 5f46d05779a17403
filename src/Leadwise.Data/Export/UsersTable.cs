using Leadwise.Core.Outreach;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>Users.csv: the accounts that own campaigns.</summary>
public sealed class UsersTable : ExportTable<User>
{
    public static readonly UsersTable Instance = new();

    private UsersTable()
        : base("Users.csv", "users",
        [
            Id("id"),
            Column("companyName", Text),
            Column("email", Text),
            Column("role", Text),
            Column("userBoughtCredit", FieldKind.Decimal),
            Column("userUsedCredit", FieldKind.Decimal),
            Column("createdAt", Timestamp),
            Column("updatedAt", Timestamp),
        ])
    {
    }

    internal override User Read(IFieldSource s) => new()
    {
        Id = new UserId(s.Int64() ?? 0),
        CompanyName = s.Text(),
        Email = s.Text(),
        Role = s.Text(),
        BoughtCredit = s.Decimal(),
        UsedCredit = s.Decimal(),
        CreatedAt = s.Timestamp(),
        UpdatedAt = s.Timestamp(),
        Extra = s.Extra(),
    };

    internal override void Write(User row, IFieldSink s)
    {
        s.Int64(row.Id.Value);
        s.Text(row.CompanyName);
        s.Text(row.Email);
        s.Text(row.Role);
        s.Decimal(row.BoughtCredit);
        s.Decimal(row.UsedCredit);
        s.Timestamp(row.CreatedAt);
        s.Timestamp(row.UpdatedAt);
        s.Extra(row.Extra);
    }
}
