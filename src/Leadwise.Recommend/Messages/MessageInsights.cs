using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Learning.Insights;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Messages;

/// <summary>The reply rate of the messages sent at one step, split by each message property.</summary>
/// <param name="Step">The step: 0 the invite note, 1.. the follow-ups; <see cref="MessageInsights.LastPooledStep"/> pools it and every later one.</param>
/// <param name="Report">Per property value: rows (sends that reached a lead who had not replied), replies, rate with its Wilson interval, lift.</param>
public sealed record StepInsights(int Step, InsightReport Report)
{
    public string Label => Step switch
    {
        0 => "invite (step 0)",
        MessageInsights.LastPooledStep => $"follow-ups {MessageInsights.LastPooledStep}+",
        _ => $"follow-up {Step}",
    };
}

/// <summary>
/// Which message properties go with more replies at each step: for every send that reached a lead (a hazard row),
/// the message's language, whether it matches the lead's, its length, personalisation, question, link and
/// salutation placeholder, against whether the lead replied at that step. Raw rates, not effects: campaigns write to
/// their own segment (German notes to German leads), so a property's rate mixes what it does with who received it —
/// <see cref="DraftScoring"/> answers "what would this message do on these leads" with the model, which adjusts for them.
/// </summary>
public static class MessageInsights
{
    /// <summary>Steps from here on are pooled: few leads are still silent that late.</summary>
    public const int LastPooledStep = 3;

    public static IReadOnlyList<StepInsights> Build(HazardData data, InsightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. data.Hazards
            .GroupBy(row => Math.Min(row.Step, LastPooledStep))
            .OrderBy(g => g.Key)
            .Select(step =>
            {
                var rows = step.Where(r => data.Messages.ContainsKey(r.Message)).ToList();
                return new StepInsights(step.Key, ConversionInsights.Build(
                    [.. rows.Select(r => Properties(data.Messages[r.Message], data.Leads.GetValueOrDefault(r.LeadId)))],
                    [.. rows.Select(r => r.Replied)],
                    options));
            })];
    }

    /// <summary>
    /// Each message sent in <paramref name="data"/> that the model knows, with its reply factor (<see cref="HazardModel.ReplyFactor"/>)
    /// and interval: by step, the strongest first. Where the property rates above mix what a property does with who received
    /// it, the factor is already adjusted for both, so it answers "which of our messages are better than they look on paper".
    /// </summary>
    public static IReadOnlyList<MessageFactor> Factors(HazardData data, HazardModel model, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        var factors = new List<MessageFactor>();
        foreach (var sent in data.Hazards.GroupBy(row => row.Message))
        {
            if (model.ReplyFactor(sent.Key, level) is not { } factor)
            {
                continue;
            }

            factors.Add(new MessageFactor(
                sent.Key,
                data.Messages.GetValueOrDefault(sent.Key)?.Name,
                sent.First().Step,
                sent.Count(),
                sent.Count(row => row.Replied),
                factor.Factor,
                factor.Low,
                factor.High));
        }

        return [.. factors.OrderBy(f => f.Step).ThenByDescending(f => f.Factor).ThenBy(f => f.Message.CampaignId.Value)];
    }

    /// <summary>A message's properties as insights name them, with the lead it reached (for the language match).</summary>
    public static IReadOnlyList<AttributeValue> Properties(Message message, PreContactFacts? lead)
    {
        ArgumentNullException.ThrowIfNull(message);
        var traits = MessageTraits.Of(message);
        var values = new List<AttributeValue>
        {
            new("language", traits.German ? "German" : "English"),
            new("length", traits.Long ? "long (60+ words)" : "short"),
            new("personalised", YesNo(traits.Personalised)),
            new("question", YesNo(traits.Question)),
            new("link", YesNo(traits.Link)),
            new("salutation placeholder", YesNo((message.Content ?? string.Empty).Contains("salutation", StringComparison.OrdinalIgnoreCase))),
        };
        if (lead?.Country is { Length: > 0 } country)
        {
            var leadGerman = LeadFeatureEncoder.GermanSpeaking.Contains(country.Trim());
            values.Add(new("language match", traits.German == leadGerman ? "in the lead's language" : "not in the lead's language"));
        }

        return values;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
