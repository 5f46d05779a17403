using Leadwise.Core.Outreach;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>Records.csv: daily snapshots of campaign counters.</summary>
public sealed class SnapshotsTable : ExportTable<CampaignSnapshot>
{
    public static readonly SnapshotsTable Instance = new();

    private SnapshotsTable()
        : base("Records.csv", "campaign_snapshots",
        [
            Id("id"),
            Id("campaignId"),
            Column("userId", FieldKind.Int64),
            Column("status", Text),
            Column("numOfInvitesSent", FieldKind.Int32),
            Column("numOfInvitesAccepted", FieldKind.Int32),
            Column("numOfRepliesReceived", FieldKind.Int32),
            Column("firstFollowUpsSent", FieldKind.Int32),
            Column("secondFollowUpsSent", FieldKind.Int32),
            Column("thirdFollowUpsSent", FieldKind.Int32),
            Column("fourthFollowUpsSent", FieldKind.Int32),
            Column("fifthFollowUpsSent", FieldKind.Int32),
            Column("sixthFollowUpsSent", FieldKind.Int32),
            Column("invitesWithdrawn", FieldKind.Int32),
            Column("minimumInvites", FieldKind.Int32),
            Column("maximumInvites", FieldKind.Int32),
            Column("createdAt", Timestamp),
            Column("updatedAt", Timestamp),
        ])
    {
    }

    internal override CampaignSnapshot Read(IFieldSource s) => new()
    {
        Id = new SnapshotId(s.Int64() ?? 0),
        CampaignId = new CampaignId(s.Int64() ?? 0),
        UserId = s.Int64() is { } user ? new UserId(user) : null,
        Status = s.Text(),
        NumOfInvitesSent = s.Int32(),
        NumOfInvitesAccepted = s.Int32(),
        NumOfRepliesReceived = s.Int32(),
        FirstFollowUpsSent = s.Int32(),
        SecondFollowUpsSent = s.Int32(),
        ThirdFollowUpsSent = s.Int32(),
        FourthFollowUpsSent = s.Int32(),
        FifthFollowUpsSent = s.Int32(),
        SixthFollowUpsSent = s.Int32(),
        InvitesWithdrawn = s.Int32(),
        MinimumInvites = s.Int32(),
        MaximumInvites = s.Int32(),
        CreatedAt = s.Timestamp(),
        UpdatedAt = s.Timestamp(),
        Extra = s.Extra(),
    };

    internal override void Write(CampaignSnapshot row, IFieldSink s)
    {
        s.Int64(row.Id.Value);
        s.Int64(row.CampaignId.Value);
        s.Int64(row.UserId?.Value);
        s.Text(row.Status);
        s.Int32(row.NumOfInvitesSent);
        s.Int32(row.NumOfInvitesAccepted);
        s.Int32(row.NumOfRepliesReceived);
        s.Int32(row.FirstFollowUpsSent);
        s.Int32(row.SecondFollowUpsSent);
        s.Int32(row.ThirdFollowUpsSent);
        s.Int32(row.FourthFollowUpsSent);
        s.Int32(row.FifthFollowUpsSent);
        s.Int32(row.SixthFollowUpsSent);
        s.Int32(row.InvitesWithdrawn);
        s.Int32(row.MinimumInvites);
        s.Int32(row.MaximumInvites);
        s.Timestamp(row.CreatedAt);
        s.Timestamp(row.UpdatedAt);
        s.Extra(row.Extra);
    }
}
