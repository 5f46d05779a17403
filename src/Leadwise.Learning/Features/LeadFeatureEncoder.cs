using Leadwise.Core.Outreach;
using System.Collections.Frozen;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Leadwise.Scoring.Signals;

namespace Leadwise.Learning.Features;

/// <summary>
/// Turns <see cref="PreContactFacts"/> into a numeric feature vector: one-hot seniority, email kind,
/// gender, country, campaign type and company industry (the most frequent values seen when fitted, the rest as "other"),
/// company present, company size, and counts of each engagement event type before the invite; with
/// <see cref="LeadFeatureOptions"/>, flags for frequent title words, the one-hot campaign owner and the point
/// subtotals at the invite. Fitted on training rows only (<see cref="Fit(IEnumerable{PreContactFacts}, LeadFeatureOptions?)"/>),
/// then applied to any row, like an ML.NET transformer.
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
    private readonly FrozenDictionary<string, int> _titleWords;
    private readonly FrozenDictionary<string, int> _owners;
    private readonly int _firstPointSlot = -1;
    private readonly ScoringEngine? _points;
    private readonly EncoderState _state;

    private LeadFeatureEncoder(EncoderState state)
    {
        _state = state;
        var names = new List<string>();
        names.AddRange(Enum.GetNames<Seniority>().Select(s => "seniority=" + s));
        names.AddRange(Enum.GetNames<EmailKind>().Select(k => "emailKind=" + k));
        names.AddRange(new[] { "male", "female", "unknown" }.Select(g => "gender=" + g));
        names.AddRange(state.Countries.Append(Other).Select(c => "country=" + c));
        names.AddRange(state.CampaignTypes.Append(Other).Select(t => "campaignType=" + t));
        names.AddRange((state.Industries ?? []).Append(Other).Append(Unknown).Select(i => "industry=" + i));
        names.Add("companyNamed");
        names.Add("company.log2Employees");
        names.Add("campaign.log2Size");
        names.AddRange(EventTypes.All.Select(type => "eventsBefore=" + type));
        names.AddRange(["leadGermanSpeaking", "invite.german", "invite.languageMatch", "invite.long", "invite.personalised", "invite.question", "invite.link",
            "followUps", "followUps.languageMatchShare", "followUps.longShare", "followUps.personalisedShare",
            "window.days", "window.stepsInReach"]);
        names.AddRange((state.TitleWords ?? []).Select(w => "titleWord=" + w));
        if (state.CampaignOwners is { } owners)
        {
            names.AddRange(owners.Append(Other).Select(o => "campaignOwner=" + o));
        }

        if (state.PointRules is { } rules)
        {
            // The same rules the "point rules (as of the invite)" baseline ranks with: those reading the outcome left out.
            _points = new ScoringEngine(RankingEvaluation.BeforeContact(RulesLoader.Parse(rules, "model point rules")));
            _firstPointSlot = names.Count;
            names.AddRange(Enum.GetNames<ScoringModel>().Select(m => "points." + m));
        }

        FeatureNames = names;
        _index = names.Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _seniority = Slots(names, "seniority=");
        _emailKind = Slots(names, "emailKind=");
        _gender = Slots(names, "gender=");
        _country = Slots(names, "country=");
        _campaignType = Slots(names, "campaignType=");
        _industry = Slots(names, "industry=");
        _events = Slots(names, "eventsBefore=");
        _titleWords = Slots(names, "titleWord=");
        _owners = Slots(names, "campaignOwner=");
    }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <param name="training">The training rows: the categories, title words and owners are the frequent ones among them.</param>
    /// <param name="options">The optional feature groups; null for the base set (what the hazard model reads).</param>
    public static LeadFeatureEncoder Fit(IEnumerable<PreContactFacts> training, LeadFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rows = training.ToList();
        return new LeadFeatureEncoder(new EncoderState(
            MostFrequent(rows.Select(r => r.Country)),
            MostFrequent(rows.Select(r => r.CampaignType)),
            MostFrequent(rows.Select(r => r.Company?.Industry)),
            options?.TitleWords == true && FrequentTitleWords(rows, options) is { Count: > 0 } words ? words : null,
            options?.CampaignOwner == true && FrequentOwners(rows, options) is { Count: > 0 } owners ? owners : null,
            options?.PointRules,
            LogEventCounts: true));
    }

    /// <summary>The values the encoder learned when fitted: what <see cref="Restore"/> needs to rebuild it.</summary>
    public EncoderState State => _state;

    /// <summary>The encoder a saved model was trained with.</summary>
    public static LeadFeatureEncoder Restore(EncoderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new LeadFeatureEncoder(state);
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
        if (_titleWords.Count > 0)
        {
            foreach (var word in TitleTokens.Of(facts.Title))
            {
                if (_titleWords.TryGetValue(word, out var slot))
                {
                    features[slot] = 1;
                }
            }
        }

        if (_owners.Count > 0)
        {
            features[Hot(_owners, facts.CampaignOwner)] = 1;
        }

        if (_points is not null)
        {
            Span<double> subtotals = stackalloc double[PointModels];
            _points.Subtotals(facts.AsLeadFacts(), facts.InvitedAt, subtotals);
            for (var model = 0; model < PointModels; model++)
            {
                features[_firstPointSlot + model] = (float)subtotals[model];
            }
        }

        foreach (var engagement in facts.EventsBefore)
        {
            if (_events.TryGetValue(engagement.Type, out var slot))
            {
                features[slot]++;
            }
        }

        if (_state.LogEventCounts)
        {
            // Events arrive at a rate that grows exponentially with a person's interest, so the log of the count,
            // not the count, is what rises linearly with it: a linear model on raw counts weighed a twentieth page
            // view like the first (docs/predictive-scoring.md, "Event counts on a log scale").
            foreach (var slot in _events.Values)
            {
                features[slot] = MathF.Log(1 + features[slot]);
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

    private static readonly int PointModels = Enum.GetValues<ScoringModel>().Length;

    private static List<string> FrequentTitleWords(List<PreContactFacts> rows, LeadFeatureOptions options)
    {
        var minimum = Math.Max(options.MinimumTitleWordLeads, (int)Math.Ceiling(options.MinimumTitleWordShare * rows.Count));
        return [.. rows.SelectMany(r => TitleTokens.Of(r.Title)).GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => (Word: g.Key, Count: g.Count())).Where(w => w.Count >= minimum)
            .OrderByDescending(w => w.Count).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(options.MaximumTitleWords).Select(w => w.Word)];
    }

    private static List<string> FrequentOwners(List<PreContactFacts> rows, LeadFeatureOptions options) =>
        [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.CampaignOwner)).GroupBy(r => r.CampaignOwner!, StringComparer.Ordinal)
            .Select(g => (Owner: g.Key, Count: g.Count())).Where(o => o.Count >= options.MinimumCampaignOwnerLeads)
            .OrderByDescending(o => o.Count).ThenBy(o => o.Owner, StringComparer.Ordinal)
            .Take(options.MaximumCampaignOwners).Select(o => o.Owner)];

    private static List<string> MostFrequent(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxCategories).Select(g => g.Key)];
}
