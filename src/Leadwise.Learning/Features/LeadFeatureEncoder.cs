using Leadwise.Core.Outreach;
using System.Collections.Frozen;
using Leadwise.Core.Engagement;
using Leadwise.Scoring.Signals;

namespace Leadwise.Learning.Features;

/// <summary>
/// Turns <see cref="PreContactFacts"/> into a numeric feature vector: one-hot seniority, email kind,
/// gender, country, campaign type and company industry (the most frequent values seen when fitted, the rest as "other"),
/// company present, company size, and counts of each engagement event type before the invite. Fitted
/// on training rows only (<see cref="Fit"/>), then applied to any row, like an ML.NET transformer.
/// </summary>
public sealed class LeadFeatureEncoder
{
    private const int MaxCategories = 20;
    private const string Other = "(other)";
    private const string Unknown = "(unknown)";

    /// <summary>Beyond two months every planned step has had its chance; longer windows say nothing more.</summary>
    private const double WindowCapDays = 60;

    private readonly FrozenDictionary<string, int> _index;

    // One lookup per one-hot group by the bare value: scoring a million leads must not build a
    // "group=value" string per feature.
    private readonly FrozenDictionary<string, int> _seniority;
    private readonly FrozenDictionary<string, int> _emailKind;
    private readonly FrozenDictionary<string, int> _gender;
    private readonly FrozenDictionary<string, int> _country;
    private readonly FrozenDictionary<string, int> _campaignType;
    private readonly FrozenDictionary<string, int> _industry;
    private readonly FrozenDictionary<string, int> _events;
    private readonly IReadOnlyList<string> _countries;
    private readonly IReadOnlyList<string> _campaignTypes;
    private readonly IReadOnlyList<string> _industries;

    private LeadFeatureEncoder(IReadOnlyList<string> countries, IReadOnlyList<string> campaignTypes, IReadOnlyList<string> industries)
    {
        _industries = industries;
        _countries = countries;
        _campaignTypes = campaignTypes;
        var names = new List<string>();
        names.AddRange(Enum.GetNames<Seniority>().Select(s => "seniority=" + s));
        names.AddRange(Enum.GetNames<EmailKind>().Select(k => "emailKind=" + k));
        names.AddRange(new[] { "male", "female", "unknown" }.Select(g => "gender=" + g));
        names.AddRange(countries.Append(Other).Select(c => "country=" + c));
        names.AddRange(campaignTypes.Append(Other).Select(t => "campaignType=" + t));
        names.AddRange(industries.Append(Other).Append(Unknown).Select(i => "industry=" + i));
        names.Add("companyNamed");
        names.Add("company.log2Employees");
        names.Add("campaign.log2Size");
        names.AddRange(EventTypes.All.Select(type => "eventsBefore=" + type));
        names.AddRange(["leadGermanSpeaking", "invite.german", "invite.languageMatch", "invite.long", "invite.personalised", "invite.question", "invite.link",
            "followUps", "followUps.languageMatchShare", "followUps.longShare", "followUps.personalisedShare",
            "window.days", "window.stepsInReach"]);
        FeatureNames = names;
        _index = names.Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _seniority = Slots(names, "seniority=");
        _emailKind = Slots(names, "emailKind=");
        _gender = Slots(names, "gender=");
        _country = Slots(names, "country=");
        _campaignType = Slots(names, "campaignType=");
        _industry = Slots(names, "industry=");
        _events = Slots(names, "eventsBefore=");
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public static LeadFeatureEncoder Fit(IEnumerable<PreContactFacts> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rows = training.ToList();
        return new LeadFeatureEncoder(MostFrequent(rows.Select(r => r.Country)), MostFrequent(rows.Select(r => r.CampaignType)), MostFrequent(rows.Select(r => r.Company?.Industry)));
    }

    /// <summary>The values the encoder learned when fitted: what <see cref="Restore"/> needs to rebuild it.</summary>
    public EncoderState State => new(_countries, _campaignTypes, _industries);

    /// <summary>The encoder a saved model was trained with.</summary>
    public static LeadFeatureEncoder Restore(EncoderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new LeadFeatureEncoder(state.Countries, state.CampaignTypes, state.Industries ?? []);
    }

    public float[] Encode(PreContactFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var features = new float[FeatureNames.Count];
        features[_seniority[TitleSeniority.Classify(facts.Title).ToString()]] = 1;
        features[_emailKind[EmailClassifier.Classify(facts.Email).ToString()]] = 1;
        features[_gender[Genders.Normalize(facts.Gender)]] = 1;
        features[Hot(_country, facts.Country)] = 1;
        features[Hot(_campaignType, facts.CampaignType)] = 1;
        features[string.IsNullOrWhiteSpace(facts.Company?.Industry) ? _industry[Unknown] : Hot(_industry, facts.Company.Industry)] = 1;
        features[_index["companyNamed"]] = string.IsNullOrWhiteSpace(facts.CompanyName) || SpamSignals.IsPlaceholder(facts.CompanyName) ? 0 : 1;
        features[_index["company.log2Employees"]] = facts.Company?.Employees is { } employees ? (float)Math.Log2(1 + employees) : float.NaN;
        features[_index["campaign.log2Size"]] = facts.CampaignSize is { } size ? (float)Math.Log2(1 + size) : float.NaN;
        EncodeMessages(facts, features);
        EncodeWindow(facts, features);
        foreach (var engagement in facts.EventsBefore)
        {
            if (_events.TryGetValue(engagement.Type, out var slot))
            {
                features[slot]++;
            }
        }

        return features;
    }

    /// <summary>
    /// How much of the sequence could reach the lead before its outcome was recorded: training leads invited
    /// shortly before the data ends had no time for follow-ups, and the model must not read their silence as
    /// disinterest. Scored leads have the whole sequence ahead (<see cref="PreContactFacts.ObservedDays"/> null).
    /// </summary>
    private void EncodeWindow(PreContactFacts facts, float[] features)
    {
        var days = Math.Min(facts.ObservedDays ?? WindowCapDays, WindowCapDays);
        features[_index["window.days"]] = (float)days;
        var inReach = 0;
        var elapsed = 0.0;
        for (var step = 0; step < facts.Messages.Count; step++)
        {
            elapsed += step == 0 ? 0 : facts.Messages[step].IntervalDays ?? 0;
            if (elapsed > days)
            {
                break;
            }

            inReach++;
        }

        features[_index["window.stepsInReach"]] = inReach;
    }

    /// <summary>The campaign's messages as the lead would read them: language match with the lead, length, personal touch.</summary>
    private void EncodeMessages(PreContactFacts facts, float[] features)
    {
        var leadGerman = GermanSpeaking.Contains(facts.Country ?? string.Empty);
        features[_index["leadGermanSpeaking"]] = leadGerman ? 1 : 0;
        if (facts.Messages.Count == 0)
        {
            foreach (var name in FeatureNames.Where(n => n.StartsWith("invite.", StringComparison.Ordinal) || n.StartsWith("followUps", StringComparison.Ordinal)))
            {
                features[_index[name]] = float.NaN;
            }

            return;
        }

        var invite = facts.Messages[0];
        features[_index["invite.german"]] = invite.German ? 1 : 0;
        features[_index["invite.languageMatch"]] = invite.German == leadGerman ? 1 : 0;
        features[_index["invite.long"]] = invite.Long ? 1 : 0;
        features[_index["invite.personalised"]] = invite.Personalised ? 1 : 0;
        features[_index["invite.question"]] = invite.Question ? 1 : 0;
        features[_index["invite.link"]] = invite.Link ? 1 : 0;
        var followUps = facts.Messages.Skip(1).ToList();
        features[_index["followUps"]] = followUps.Count;
        features[_index["followUps.languageMatchShare"]] = followUps.Count == 0 ? float.NaN : followUps.Count(m => m.German == leadGerman) / (float)followUps.Count;
        features[_index["followUps.longShare"]] = followUps.Count == 0 ? float.NaN : followUps.Count(m => m.Long) / (float)followUps.Count;
        features[_index["followUps.personalisedShare"]] = followUps.Count == 0 ? float.NaN : followUps.Count(m => m.Personalised) / (float)followUps.Count;
    }

    internal static readonly FrozenSet<string> GermanSpeaking = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["Germany", "Deutschland", "Austria", "Österreich", "Switzerland", "Schweiz", "DE", "AT", "CH"]);


    private static int Hot(FrozenDictionary<string, int> slots, string? value) =>
        value is not null && slots.TryGetValue(value, out var slot) && value != Other && value != Unknown ? slot : slots[Other];

    private static FrozenDictionary<string, int> Slots(IReadOnlyList<string> names, string prefix) =>
        names.Select((name, i) => (name, i))
            .Where(p => p.name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(p => p.name[prefix.Length..], p => p.i, StringComparer.Ordinal);

    private static List<string> MostFrequent(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxCategories).Select(g => g.Key)];
}
