using System.Collections.Concurrent;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Generator.Truth;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Recommend.Tests.Support;

/// <summary>
/// A generated export as the store would hand it over (every lead's facts with campaign, company and events; each
/// campaign's messages) plus its ground truth as an <see cref="IReplyTruth"/>. Cached per (size, seed, parameters).
/// </summary>
internal sealed class GeneratedOutreach : IReplyTruth
{
    /// <summary>Gauss–Hermite nodes and weights for a standard normal (5 points).</summary>
    private static readonly (double Node, double Weight)[] Normal = [(0, 0.533333333), (1.355626180, 0.222075922), (-1.355626180, 0.222075922), (2.856970014, 0.011257411), (-2.856970014, 0.011257411)];

    private static readonly ConcurrentDictionary<(int, int, TrueModelParameters?), Lazy<GeneratedOutreach>> Cache = new();

    private readonly Dictionary<LeadId, LeadProfile> _profiles;
    private readonly Dictionary<MessageKey, MessageProfile> _messageProfiles;

    private GeneratedOutreach(GeneratedExport export)
    {
        Export = export;
        Campaigns = export.Campaigns;
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var events = export.Events().GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g.OrderBy(e => e.OccurredAt)]);
        Messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        var withTruth = export.LeadsWithTruth().ToList();
        Leads = [.. withTruth.Select(t => new LeadFacts(t.Lead, campaigns.GetValueOrDefault(t.Lead.CampaignId), companies.Find(t.Lead), events.GetValueOrDefault(t.Lead.Id) ?? []))];
        Truths = withTruth.ToDictionary(t => t.Lead.Id, t => t.Truth);
        _profiles = withTruth.ToDictionary(t => t.Lead.Id, t => t.Truth.Profile);
        _messageProfiles = export.MessageProfiles.ToDictionary(p => p.Key);
    }

    public GeneratedExport Export { get; }

    public IReadOnlyList<Campaign> Campaigns { get; }

    public IReadOnlyList<LeadFacts> Leads { get; }

    public IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> Messages { get; }

    public IReadOnlyDictionary<LeadId, LeadTruth> Truths { get; }

    public static GeneratedOutreach Get(int leads, int seed, TrueModelParameters? model = null) =>
        Cache.GetOrAdd((leads, seed, model), key => new Lazy<GeneratedOutreach>(() => new GeneratedOutreach(
            new OutreachGenerator().Generate(key.Item3 is null
                ? new GeneratorOptions { LeadCount = key.Item1, Seed = key.Item2 }
                : new GeneratorOptions { LeadCount = key.Item1, Seed = key.Item2, Model = key.Item3 })))).Value;

    public LeadProfile Profile(LeadId lead) => _profiles[lead];

    public MessageProfile Profile(MessageKey message) => _messageProfiles[message];

    public double ReplyProbability(LeadId lead, IReadOnlyList<MessageKey> sequence) =>
        Export.Model.ReplyProbability(_profiles[lead], [.. sequence.Select(key => _messageProfiles[key])]);

    public IReadOnlyList<MessageKey> BestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. Export.Model.BestSequence(_profiles[lead], [.. candidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(key => _messageProfiles[key])])])
            .Messages.Select(message => message.Key)];

    /// <summary>
    /// Maximises E_u[P(reply | lead with responsiveness u)] over u ~ N(0, ResponsivenessSd²) (the export's, 0.6 by default) with every message's latent quality at 0
    /// — the lead's and messages' observable profiles known, their latent traits not — by coordinate ascent from the
    /// best sequence at u = 0.
    /// </summary>
    public IReadOnlyList<MessageKey> FeaturesOnlyBestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep)
    {
        var profile = _profiles[lead];
        var model = Export.Model;
        var draws = Normal.Select(n => (Profile: profile with { Responsiveness = model.Parameters.ResponsivenessSd * n.Node }, n.Weight)).ToArray();
        var steps = candidatesPerStep.Select(step => step.Select(key => _messageProfiles[key]).Select(m => m with { Quality = m.Wording }).ToArray()).ToArray();
        var chosen = model.BestSequence(draws[0].Profile, steps).Messages.ToArray();
        double Value(MessageProfile[] sequence) => draws.Sum(d => d.Weight * model.ReplyProbability(d.Profile, sequence));
        var best = Value(chosen);
        for (var pass = 0; pass < 4; pass++)
        {
            var improved = false;
            for (var step = 0; step < chosen.Length; step++)
            {
                foreach (var candidate in steps[step])
                {
                    var trial = (MessageProfile[])chosen.Clone();
                    trial[step] = candidate;
                    var value = Value(trial);
                    if (value > best + 1e-15)
                    {
                        (chosen, best, improved) = (trial, value, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return [.. chosen.Select(message => message.Key)];
    }

    /// <summary>The training rows as the attainable policy reads them: each send with the lead's and the message's true profiles.</summary>
    public AttainablePolicy Attainable(IReadOnlyList<HazardRow> training) =>
        new(Export.Model, training.Select(r => new ObservedStep(_profiles[r.LeadId], _messageProfiles[r.Message], r.Step, r.Replied, r.LeadId.Value)));

    public IReadOnlyList<IReadOnlyList<MessageKey>> AttainableBestSequences(
        IReadOnlyList<HazardRow> training,
        IReadOnlyList<(LeadId Lead, IReadOnlyList<IReadOnlyList<MessageKey>> CandidatesPerStep)> leads)
    {
        var policy = Attainable(training);
        return [.. leads.Select(l => (IReadOnlyList<MessageKey>)[.. policy.BestSequence(_profiles[l.Lead], [.. l.CandidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(key => _messageProfiles[key])])])
            .Messages.Select(message => message.Key)])];
    }
}
