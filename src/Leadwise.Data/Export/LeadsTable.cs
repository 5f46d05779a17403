using Leadwise.Core.Outreach;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>Leads.csv: one person contacted in one campaign, with the timestamps of each step sent.</summary>
public sealed class LeadsTable : ExportTable<Lead>
{
    public static readonly LeadsTable Instance = new();

    private LeadsTable()
        : base("Leads.csv", "leads",
        [
            Id("id"),
            Column("userId", FieldKind.Int64),
            Id("campaignId"),
            Column("name", Text),
            Column("firstName", Text),
            Column("lastName", Text),
            Column("gender", Text),
            Column("email", Text),
            Column("companyName", Text),
            Column("title", Text),
            Column("city", Text),
            Column("country", Text),
            Column("location", Text),
            Column("inviteSentAt", Timestamp),
            Column("inviteAccepted", FieldKind.Boolean),
            Column("inviteWithdrawnAt", Timestamp),
            Column("firstFollowUpSentAt", Timestamp),
            Column("secondFollowUpSentAt", Timestamp),
            Column("thirdFollowUpSentAt", Timestamp),
            Column("fourthFollowUpSentAt", Timestamp),
            Column("fifthFollowUpSentAt", Timestamp),
            Column("sixthFollowUpSentAt", Timestamp),
            Column("firstEmailFollowUpSentAt", Timestamp),
            Column("secondEmailFollowUpSentAt", Timestamp),
            Column("emailFollowUpThreadId", Text),
            Column("replied", FieldKind.Boolean),
            Column("existingMessagesCount", FieldKind.Int32),
            Column("inviteAttempts", FieldKind.Int32),
            Column("skip", FieldKind.Boolean),
            Column("skipReason", Text),
            Column("cdsEmployeeId", Text),
            Column("createdAt", Timestamp),
            Column("updatedAt", Timestamp),
        ])
    {
    }

    internal override Lead Read(IFieldSource s) => new()
    {
        Id = new LeadId(s.Int64() ?? 0),
        UserId = s.Int64() is { } user ? new UserId(user) : null,
        CampaignId = new CampaignId(s.Int64() ?? 0),
        Name = s.Text(),
        FirstName = s.Text(),
        LastName = s.Text(),
        Gender = s.Text(),
        Email = s.Text(),
        CompanyName = s.Text(),
        Title = s.Text(),
        City = s.Text(),
        Country = s.Text(),
        Location = s.Text(),
        InviteSentAt = s.Timestamp(),
        InviteAccepted = s.Boolean(),
        InviteWithdrawnAt = s.Timestamp(),
        FirstFollowUpSentAt = s.Timestamp(),
        SecondFollowUpSentAt = s.Timestamp(),
        ThirdFollowUpSentAt = s.Timestamp(),
        FourthFollowUpSentAt = s.Timestamp(),
        FifthFollowUpSentAt = s.Timestamp(),
        SixthFollowUpSentAt = s.Timestamp(),
        FirstEmailFollowUpSentAt = s.Timestamp(),
        SecondEmailFollowUpSentAt = s.Timestamp(),
        EmailFollowUpThreadId = s.Text(),
        Replied = s.Boolean(),
        ExistingMessagesCount = s.Int32(),
        InviteAttempts = s.Int32(),
        Skip = s.Boolean(),
        SkipReason = s.Text(),
        CdsEmployeeId = s.Text(),
        CreatedAt = s.Timestamp(),
        UpdatedAt = s.Timestamp(),
        Extra = s.Extra(),
    };

    internal override void Write(Lead row, IFieldSink s)
    {
        s.Int64(row.Id.Value);
        s.Int64(row.UserId?.Value);
        s.Int64(row.CampaignId.Value);
        s.Text(row.Name);
        s.Text(row.FirstName);
        s.Text(row.LastName);
        s.Text(row.Gender);
        s.Text(row.Email);
        s.Text(row.CompanyName);
        s.Text(row.Title);
        s.Text(row.City);
        s.Text(row.Country);
        s.Text(row.Location);
        s.Timestamp(row.InviteSentAt);
        s.Boolean(row.InviteAccepted);
        s.Timestamp(row.InviteWithdrawnAt);
        s.Timestamp(row.FirstFollowUpSentAt);
        s.Timestamp(row.SecondFollowUpSentAt);
        s.Timestamp(row.ThirdFollowUpSentAt);
        s.Timestamp(row.FourthFollowUpSentAt);
        s.Timestamp(row.FifthFollowUpSentAt);
        s.Timestamp(row.SixthFollowUpSentAt);
        s.Timestamp(row.FirstEmailFollowUpSentAt);
        s.Timestamp(row.SecondEmailFollowUpSentAt);
        s.Text(row.EmailFollowUpThreadId);
        s.Boolean(row.Replied);
        s.Int32(row.ExistingMessagesCount);
        s.Int32(row.InviteAttempts);
        s.Boolean(row.Skip);
        s.Text(row.SkipReason);
        s.Text(row.CdsEmployeeId);
        s.Timestamp(row.CreatedAt);
        s.Timestamp(row.UpdatedAt);
        s.Extra(row.Extra);
    }
}
