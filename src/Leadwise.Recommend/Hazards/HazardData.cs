using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;

namespace Leadwise.Recommend.Hazards;

/// <summary>
/// Training data of the sequence models: the invited leads as they stood at their invite, one
/// <see cref="HazardRow"/> per lead and step that reached it, one <see cref="AcceptanceRow"/> per gated invite,
/// and every campaign's messages (the features of a row's message are read from them).
/// </summary>
public sealed record HazardData(
    IReadOnlyDictionary<LeadId, PreContactFacts> Leads,
    IReadOnlyList<HazardRow> Hazards,
    IReadOnlyList<AcceptanceRow> Acceptances,
    IReadOnlyDictionary<MessageKey, Message> Messages);
