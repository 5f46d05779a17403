using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>
/// events.csv: one engagement event per row. Columns beyond the six known ones are the event's
/// properties (e.g. <c>seconds</c>); an empty value means the event does not have that property.
/// </summary>
public sealed class EventsTable : ExportTable<EngagementEvent>
{
    public static readonly EventsTable Instance = new();

    private EventsTable()
        : base("events.csv", "engagement_events",
        [
            Id("leadId"),
            new ExportColumn("type", Text, Required: true),
            new ExportColumn("occurredAt", Timestamp, Required: true),
            Column("clientEventId", Text),
            Column("url", Text),
            Column("campaign", Text),
        ])
    {
    }

    internal override UnknownColumnHandling UnknownColumns => UnknownColumnHandling.KeepAsProperties;

    internal override string? ExtraSqlColumn => "properties";

    internal override EngagementEvent Read(IFieldSource s) => new()
    {
        LeadId = new LeadId(s.Int64() ?? 0),
        Type = s.Text() ?? string.Empty,
        OccurredAt = s.Timestamp() ?? default,
        ClientEventId = s.Text(),
        Url = s.Text(),
        Campaign = s.Text(),
        Properties = WithoutEmptyValues(s.Extra()),
    };

    internal override void Write(EngagementEvent row, IFieldSink s)
    {
        s.Int64(row.LeadId.Value);
        s.Text(row.Type);
        s.Timestamp(row.OccurredAt);
        s.Text(row.ClientEventId);
        s.Text(row.Url);
        s.Text(row.Campaign);
        s.Extra(row.Properties);
    }

    private static ExtraFields WithoutEmptyValues(ExtraFields properties) =>
        properties.Values.Values.Any(value => value is null)
            ? ExtraFields.From(properties.Values.Where(pair => pair.Value is not null))
            : properties;
}
