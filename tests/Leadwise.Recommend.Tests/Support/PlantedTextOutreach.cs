using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Recommend.Tests.Support;

/// <summary>
/// A hand-made outreach set whose reply effect lives only in the wording: twenty invite notes of twenty campaigns, every
/// one with the same language, length, placeholders, punctuation and salutation, half of them saying
/// <see cref="Phrase"/> where the others say <see cref="ControlPhrase"/>. Real generated leads receive them in turn, and
/// a note with the phrase is replied to with probability <see cref="PhraseReplyRate"/> against
/// <see cref="ControlReplyRate"/> (seeded draws), whoever the lead is.
/// </summary>
internal static class PlantedTextOutreach
{
    public const string Phrase = "I saw your talk at the summit";
    public const string ControlPhrase = "I came across your profile online today";
    public const double PhraseReplyRate = 0.16;
    public const double ControlReplyRate = 0.06;

    private static readonly string[] Fillers = ["team", "company", "group", "business", "firm", "crew", "unit", "office", "department", "studio"];

    /// <summary>The note every message is made of; the draft tests fill it with a word no training message used.</summary>
    public static string Note(bool withPhrase, string filler) =>
        $"{{{{ salutation }}}} {{{{ first_name }}}}, {(withPhrase ? Phrase : ControlPhrase)}. Would love to connect and hear how your {filler} works.";

    public static IReadOnlyList<Message> Messages { get; } =
        [.. Enumerable.Range(0, 2 * Fillers.Length).Select(i => new Message
        {
            CampaignId = new CampaignId(9_001 + i),
            Order = 0,
            Type = "OutreachEmail",
            Name = "note " + i.ToString(CultureInfo.InvariantCulture),
            Content = Note(withPhrase: i % 2 == 0, Fillers[i / 2]),
        })];

    public static bool HasPhrase(Message message) => (message.Content ?? string.Empty).Contains(Phrase, StringComparison.Ordinal);

    /// <summary>
    /// 3,000 generated leads, each sent one of <see cref="Messages"/> (in turn) at step 0 and replying by the planted rates;
    /// <paramref name="extraMessages"/> are added to the campaigns' messages without ever being sent.
    /// </summary>
    public static HazardData Data(params Message[] extraMessages)
    {
        var generated = GeneratedOutreach.Get(4_000, 7);
        var leads = HazardRows.Build(generated.Leads, generated.Messages).Leads.Values.OrderBy(l => l.LeadId.Value).Take(3_000).ToList();
        var random = new Random(11);
        var rows = leads.Select((lead, i) =>
        {
            var message = Messages[i % Messages.Count];
            var replied = random.NextDouble() < (HasPhrase(message) ? PhraseReplyRate : ControlReplyRate);
            return new HazardRow(lead.LeadId, message.CampaignId, message.Key, 0, null, replied);
        }).ToList();
        return new HazardData(
            leads.ToDictionary(l => l.LeadId),
            rows,
            [],
            Messages.Concat(extraMessages).ToDictionary(m => m.Key));
    }

    public static IReadOnlyList<PreContactFacts> Leads(HazardData data) => [.. data.Leads.Values.Take(400)];
}
