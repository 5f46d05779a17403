using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Scoring.Signals;

namespace Leadwise.Learning.Insights;

/// <summary>
/// The attributes a marketer can read a lead by, as it stood at its invite: who the person is, the company,
/// the campaign and its invite message, and the engagement before the invite. Built from
/// <see cref="PreContactFacts"/>, so no insight can be about the outcome itself.
/// </summary>
public static class LeadAttributes
{
    public const string Missing = "(missing)";

    /// <summary>Every attribute name <see cref="Of"/> can produce, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "seniority", "title word", "country", "language", "gender", "email kind", "company named", "company size",
        "company industry", "campaign type", "invite language", "invite language matches lead", "invite personalised",
        "invite long", "invite asks a question", "invite has a link", "engagement before invite",
    ];

    public static IReadOnlyList<AttributeValue> Of(PreContactFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var german = LeadFeatureEncoder.GermanSpeaking.Contains(facts.Country?.Trim() ?? string.Empty);
        var values = new List<AttributeValue>
        {
            new("seniority", TitleSeniority.Classify(facts.Title).ToString()),
            new("country", Text(facts.Country)),
            new("language", german ? "German-speaking" : "other"),
            new("gender", Genders.Normalize(facts.Gender)),
            new("email kind", EmailClassifier.Classify(facts.Email).ToString()),
            new("company named", YesNo(!string.IsNullOrWhiteSpace(facts.CompanyName) && !SpamSignals.IsPlaceholder(facts.CompanyName))),
            new("company size", SizeBand(facts.Company?.Employees)),
            new("company industry", Text(facts.Company?.Industry)),
            new("campaign type", Text(facts.CampaignType)),
        };
        values.AddRange(TitleWords.Of(facts.Title).Select(word => new AttributeValue("title word", word)));
        if (facts.Messages.Count > 0)
        {
            var invite = facts.Messages[0];
            values.Add(new("invite language", invite.German ? "German" : "English"));
            values.Add(new("invite language matches lead", YesNo(invite.German == german)));
            values.Add(new("invite personalised", YesNo(invite.Personalised)));
            values.Add(new("invite long", YesNo(invite.Long)));
            values.Add(new("invite asks a question", YesNo(invite.Question)));
            values.Add(new("invite has a link", YesNo(invite.Link)));
        }

        var types = facts.EventsBefore.Select(e => e.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        values.AddRange(types.Count == 0
            ? [new AttributeValue("engagement before invite", "none")]
            : types.Select(type => new AttributeValue("engagement before invite", type)));
        return values;
    }

    /// <summary>Employee-count bands as firmographic reports use them.</summary>
    public static string SizeBand(double? employees) => employees switch
    {
        null => Missing,
        < 10 => "1-9",
        < 50 => "10-49",
        < 250 => "50-249",
        < 1000 => "250-999",
        < 5000 => "1000-4999",
        _ => "5000+",
    };

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Missing : value.Trim();

    private static string YesNo(bool value) => value ? "yes" : "no";

}
