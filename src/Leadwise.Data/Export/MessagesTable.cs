using Leadwise.Core.Outreach;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>Messages.csv: the message each campaign sends at each step, keyed by (campaignId, order).</summary>
public sealed class MessagesTable : ExportTable<Message>
{
    public static readonly MessagesTable Instance = new();

    private MessagesTable()
        : base("Messages.csv", "messages",
        [
            new ExportColumn("order", FieldKind.Int32, Required: true),
            Column("type", Text),
            Id("campaignId"),
            Column("name", Text),
            Column("content", Text),
            Column("maleSalutation", Text),
            Column("femaleSalutation", Text),
            Column("interval", FieldKind.Double),
            Column("createdAt", Timestamp),
            Column("updatedAt", Timestamp),
        ])
    {
    }

    internal override Message Read(IFieldSource s) => new()
    {
        Order = s.Int32() ?? 0,
        Type = s.Text(),
        CampaignId = new CampaignId(s.Int64() ?? 0),
        Name = s.Text(),
        Content = s.Text(),
        MaleSalutation = s.Text(),
        FemaleSalutation = s.Text(),
        IntervalDays = s.Double(),
        CreatedAt = s.Timestamp(),
        UpdatedAt = s.Timestamp(),
        Extra = s.Extra(),
    };

    internal override void Write(Message row, IFieldSink s)
    {
        s.Int32(row.Order);
        s.Text(row.Type);
        s.Int64(row.CampaignId.Value);
        s.Text(row.Name);
        s.Text(row.Content);
        s.Text(row.MaleSalutation);
        s.Text(row.FemaleSalutation);
        s.Double(row.IntervalDays);
        s.Timestamp(row.CreatedAt);
        s.Timestamp(row.UpdatedAt);
        s.Extra(row.Extra);
    }
}
