using Leadwise.Core.Outreach;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>Campaigns.csv: one outreach campaign per row.</summary>
public sealed class CampaignsTable : ExportTable<Campaign>
{
    public static readonly CampaignsTable Instance = new();

    private CampaignsTable()
        : base("Campaigns.csv", "campaigns",
        [
            Id("id"),
            Column("name", Text),
            Column("type", Text),
            Column("status", Text),
            Column("numOfLeads", FieldKind.Int32),
            Column("numOfInvitesSent", FieldKind.Int32),
            Column("numOfInvitesAccepted", FieldKind.Int32),
            Column("numOfRepliesReceived", FieldKind.Int32),
            Id("userId"),
            Column("useFirstName", FieldKind.Boolean),
            Column("deleted", FieldKind.Boolean),
            Column("lastScheduledToScrapeAt", Timestamp),
            Column("minimumInvites", FieldKind.Int32),
            Column("maximumInvites", FieldKind.Int32),
            Column("firstFollowUpsSent", FieldKind.Int32),
            Column("secondFollowUpsSent", FieldKind.Int32),
            Column("thirdFollowUpsSent", FieldKind.Int32),
            Column("fourthFollowUpsSent", FieldKind.Int32),
            Column("fifthFollowUpsSent", FieldKind.Int32),
            Column("sixthFollowUpsSent", FieldKind.Int32),
            Column("invitesWithdrawn", FieldKind.Int32),
            Column("useScraperAccounts", FieldKind.Boolean),
            Column("createdAt", Timestamp),
            Column("updatedAt", Timestamp),
        ])
    {
    }

    internal override Campaign Read(IFieldSource s) => new()
    {
        Id = new CampaignId(s.Int64() ?? 0),
        Name = s.Text(),
        Type = s.Text(),
        Status = s.Text(),
        NumOfLeads = s.Int32(),
        NumOfInvitesSent = s.Int32(),
        NumOfInvitesAccepted = s.Int32(),
        NumOfRepliesReceived = s.Int32(),
        UserId = new UserId(s.Int64() ?? 0),
        UseFirstName = s.Boolean(),
        Deleted = s.Boolean(),
        LastScheduledToScrapeAt = s.Timestamp(),
        MinimumInvites = s.Int32(),
        MaximumInvites = s.Int32(),
        FirstFollowUpsSent = s.Int32(),
        SecondFollowUpsSent = s.Int32(),
        ThirdFollowUpsSent = s.Int32(),
        FourthFollowUpsSent = s.Int32(),
        FifthFollowUpsSent = s.Int32(),
        SixthFollowUpsSent = s.Int32(),
        InvitesWithdrawn = s.Int32(),
        UseScraperAccounts = s.Boolean(),
        CreatedAt = s.Timestamp(),
        UpdatedAt = s.Timestamp(),
        Extra = s.Extra(),
    };

    internal override void Write(Campaign row, IFieldSink s)
    {
        s.Int64(row.Id.Value);
        s.Text(row.Name);
        s.Text(row.Type);
        s.Text(row.Status);
        s.Int32(row.NumOfLeads);
        s.Int32(row.NumOfInvitesSent);
        s.Int32(row.NumOfInvitesAccepted);
        s.Int32(row.NumOfRepliesReceived);
        s.Int64(row.UserId.Value);
        s.Boolean(row.UseFirstName);
        s.Boolean(row.Deleted);
        s.Timestamp(row.LastScheduledToScrapeAt);
        s.Int32(row.MinimumInvites);
        s.Int32(row.MaximumInvites);
        s.Int32(row.FirstFollowUpsSent);
        s.Int32(row.SecondFollowUpsSent);
        s.Int32(row.ThirdFollowUpsSent);
        s.Int32(row.FourthFollowUpsSent);
        s.Int32(row.FifthFollowUpsSent);
        s.Int32(row.SixthFollowUpsSent);
        s.Int32(row.InvitesWithdrawn);
        s.Boolean(row.UseScraperAccounts);
        s.Timestamp(row.CreatedAt);
        s.Timestamp(row.UpdatedAt);
        s.Extra(row.Extra);
    }
}
