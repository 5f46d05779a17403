using System.Runtime.CompilerServices;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;

namespace Leadwise.Data.Storage;

/// <summary>
/// Everything scoring reads about each lead, streamed from a store: leads in id order merged with
/// events in lead order (one pass over each, so a million leads never sit in memory), joined to their
/// campaign and to their company through a <see cref="CompanyDirectory"/>.
/// </summary>
public sealed class LeadFactsReader
{
    private readonly ILeadwiseStore _store;
    private readonly UserId? _account;
    private readonly IReadOnlyDictionary<CampaignId, Campaign> _campaigns;
    private readonly CompanyDirectory _companies;

    private LeadFactsReader(ILeadwiseStore store, UserId? account, IReadOnlyDictionary<CampaignId, Campaign> campaigns, CompanyDirectory companies)
    {
        _store = store;
        _account = account;
        _campaigns = campaigns;
        _companies = companies;
    }

    /// <summary>Loads the small tables (campaigns, companies) once; leads and events stream later.</summary>
    public static Task<LeadFactsReader> OpenAsync(ILeadwiseStore store, CancellationToken cancellationToken) =>
        OpenAsync(store, null, cancellationToken);

    /// <summary>
    /// As <see cref="OpenAsync(ILeadwiseStore, CancellationToken)"/>, reading only <paramref name="account"/>'s campaigns,
    /// leads and events (in SQL); company profiles are the install's directory. Every account when null.
    /// </summary>
    public static async Task<LeadFactsReader> OpenAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var campaigns = new Dictionary<CampaignId, Campaign>();
        await foreach (var campaign in store.ReadCampaignsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            campaigns[campaign.Id] = campaign;
        }

        var companies = new List<CompanyProfile>();
        await foreach (var company in store.ReadCompaniesAsync(cancellationToken).ConfigureAwait(false))
        {
            companies.Add(company);
        }

        return new LeadFactsReader(store, account, campaigns, new CompanyDirectory(companies));
    }

    /// <summary>Every lead (of the account, when the reader has one) with its facts, by lead id.</summary>
    public async IAsyncEnumerable<LeadFacts> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = _store.ReadEventsAsync(_account, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            var hasEvent = await events.MoveNextAsync().ConfigureAwait(false);
            await foreach (var lead in _store.ReadLeadsAsync(_account, cancellationToken).ConfigureAwait(false))
            {
                // Events of leads the store no longer holds cannot be scored; pass them by.
                while (hasEvent && events.Current.LeadId.Value < lead.Id.Value)
                {
                    hasEvent = await events.MoveNextAsync().ConfigureAwait(false);
                }

                List<EngagementEvent>? own = null;
                while (hasEvent && events.Current.LeadId == lead.Id)
                {
                    (own ??= []).Add(events.Current);
                    hasEvent = await events.MoveNextAsync().ConfigureAwait(false);
                }

                yield return Facts(lead, own ?? (IReadOnlyList<EngagementEvent>)[]);
            }
        }
    }

    /// <summary>One lead's facts, or null when the store has no such lead (or it is another account's than the reader's).</summary>
    public async Task<LeadFacts?> ReadOneAsync(LeadId id, CancellationToken cancellationToken)
    {
        var lead = await _store.FindLeadAsync(id, _account, cancellationToken).ConfigureAwait(false);
        if (lead is null)
        {
            return null;
        }

        var events = new List<EngagementEvent>();
        await foreach (var engagement in _store.ReadEventsOfLeadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            events.Add(engagement);
        }

        return Facts(lead, events);
    }

    private LeadFacts Facts(Lead lead, IReadOnlyList<EngagementEvent> events) =>
        new(lead, _campaigns.GetValueOrDefault(lead.CampaignId), _companies.Find(lead), events);
}
