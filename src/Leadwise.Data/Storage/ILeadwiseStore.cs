using Leadwise.Core.Access;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage.LeadList;

namespace Leadwise.Data.Storage;

/// <summary>
/// Where Leadwise keeps an account's outreach data. Callers see only this interface, so SQLite (the
/// default) and PostgreSQL are interchangeable. Reads stream; writes go through one
/// <see cref="IStoreWriter"/>, which is all-or-nothing.
/// </summary>
public interface ILeadwiseStore : IAsyncDisposable
{
    /// <summary>What a person should read to know which store this is, e.g. <c>SQLite leadwise.db</c>.</summary>
    string Description { get; }

    /// <summary>Starts a transaction; nothing it writes is visible until <see cref="IStoreWriter.CommitAsync"/>.</summary>
    /// <param name="mode">
    /// <see cref="StoreWriteMode.BulkLoad"/> for imports of many rows: the store may defer index
    /// maintenance to the commit, which is much faster for millions of rows and slower for a few.
    /// </param>
    /// <param name="cancellationToken">Cancels starting the transaction.</param>
    Task<IStoreWriter> BeginWriteAsync(StoreWriteMode mode, CancellationToken cancellationToken);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<User> ReadUsersAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<Campaign> ReadCampaignsAsync(CancellationToken cancellationToken);

    /// <summary>All messages, by campaign and then order.</summary>
    IAsyncEnumerable<Message> ReadMessagesAsync(CancellationToken cancellationToken);

    /// <summary>All leads, by id.</summary>
    IAsyncEnumerable<Lead> ReadLeadsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<CampaignSnapshot> ReadSnapshotsAsync(CancellationToken cancellationToken);

    Task<Lead?> FindLeadAsync(LeadId id, CancellationToken cancellationToken);

    /// <summary>
    /// The lead when it belongs to <paramref name="account"/> (its campaign is owned by that user), else null, exactly as
    /// for a lead that does not exist; any lead when <paramref name="account"/> is null (an install-wide caller).
    /// </summary>
    Task<Lead?> FindLeadAsync(LeadId id, UserId? account, CancellationToken cancellationToken);

    /// <summary>The campaigns <paramref name="account"/> owns, by id; every campaign when it is null.</summary>
    IAsyncEnumerable<Campaign> ReadCampaignsAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The campaign when <paramref name="account"/> owns it (or <paramref name="account"/> is null), else null.</summary>
    Task<Campaign?> FindCampaignAsync(CampaignId id, UserId? account, CancellationToken cancellationToken);

    /// <summary>How many leads each campaign of <paramref name="account"/> (every campaign when null) has; campaigns without leads are left out.</summary>
    Task<IReadOnlyDictionary<CampaignId, int>> CountLeadsPerCampaignAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>Rows per table of <paramref name="account"/> alone (its user row, campaigns and their messages, leads and snapshots); the whole store when null.</summary>
    Task<StoreCounts> CountAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The account's own user row (none when the store has no such user); every user when null.</summary>
    IAsyncEnumerable<User> ReadUsersAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The messages of the account's campaigns, by campaign and then order; all when null.</summary>
    IAsyncEnumerable<Message> ReadMessagesAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The leads of the account's campaigns, by id; all when null.</summary>
    IAsyncEnumerable<Lead> ReadLeadsAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The snapshots of the account's campaigns, by id; all when null.</summary>
    IAsyncEnumerable<CampaignSnapshot> ReadSnapshotsAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The events of the account's leads, by lead and then time (as <see cref="ReadEventsAsync(CancellationToken)"/>); all when null.</summary>
    IAsyncEnumerable<EngagementEvent> ReadEventsAsync(UserId? account, CancellationToken cancellationToken);

    IAsyncEnumerable<Lead> ReadLeadsOfCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken);

    /// <summary>A campaign's messages ordered by step.</summary>
    Task<IReadOnlyList<Message>> ReadMessagesOfCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken);

    /// <summary>The unknown columns imports kept aside for a table, in the order they were first seen.</summary>
    Task<IReadOnlyList<string>> ReadExtraColumnsAsync(StoreTable table, CancellationToken cancellationToken);

    Task<ScoringDataCounts> CountScoringDataAsync(CancellationToken cancellationToken);

    /// <summary>All engagement events, by lead and then time: ready for a merge join with <see cref="ReadLeadsAsync(CancellationToken)"/>.</summary>
    IAsyncEnumerable<EngagementEvent> ReadEventsAsync(CancellationToken cancellationToken);

    /// <summary>One lead's events, oldest first.</summary>
    IAsyncEnumerable<EngagementEvent> ReadEventsOfLeadAsync(LeadId leadId, CancellationToken cancellationToken);

    /// <summary>The names of all properties events carry, sorted ordinally: the extra columns of an events file.</summary>
    Task<IReadOnlyList<string>> ReadEventPropertyNamesAsync(CancellationToken cancellationToken);

    /// <summary>All company profiles, by normalised name (<see cref="CompanyNameKey"/>).</summary>
    IAsyncEnumerable<CompanyProfile> ReadCompaniesAsync(CancellationToken cancellationToken);

    /// <summary>The lead's latest stored score, or null when it has none.</summary>
    Task<LeadScore?> FindScoreAsync(LeadId leadId, CancellationToken cancellationToken);

    /// <summary>All stored scores, by lead id.</summary>
    IAsyncEnumerable<LeadScore> ReadScoresAsync(CancellationToken cancellationToken);

    /// <summary>Saves a trained model as the next version (numbered across all kinds) in a transaction of its own.</summary>
    Task<ModelVersion> SaveModelAsync(string kind, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken);

    /// <summary>Every saved model version, oldest first, without artifacts.</summary>
    IAsyncEnumerable<ModelVersion> ReadModelsAsync(CancellationToken cancellationToken);

    Task<ModelVersion?> FindModelAsync(int version, CancellationToken cancellationToken);

    /// <summary>Saves a model trained on <paramref name="account"/>'s leads alone as that account's next version; null saves an install-wide one.</summary>
    Task<ModelVersion> SaveModelAsync(string kind, UserId? account, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken);

    /// <summary>The versions <paramref name="account"/> may see, its own and the install-wide ones, oldest first; every version when null.</summary>
    IAsyncEnumerable<ModelVersion> ReadModelsAsync(UserId? account, CancellationToken cancellationToken);

    /// <summary>The version when it is <paramref name="account"/>'s own or install-wide (any when null), else null, exactly as for a missing one.</summary>
    Task<ModelVersion?> FindModelAsync(int version, UserId? account, CancellationToken cancellationToken);

    /// <summary>
    /// The promotions of a kind whose versions belong to <paramref name="account"/> (null: the install-wide versions), in
    /// the order they happened: each (kind, account) has its own history, whose last entry is the version it is served.
    /// </summary>
    Task<IReadOnlyList<ModelPromotion>> ReadAccountPromotionsAsync(string kind, UserId? account, CancellationToken cancellationToken);


    /// <summary>The bytes the trainer saved for a version, or null when there is no such version.</summary>
    Task<byte[]?> ReadModelArtifactAsync(int version, CancellationToken cancellationToken);

    /// <summary>Records a promotion; the version must exist and be of the promotion's kind.</summary>
    Task PromoteModelAsync(ModelPromotion promotion, CancellationToken cancellationToken);

    /// <summary>A kind's promotions of every account in the order they happened (what copying a store moves; serving reads <see cref="ReadAccountPromotionsAsync"/>).</summary>
    Task<IReadOnlyList<ModelPromotion>> ReadPromotionsAsync(string kind, CancellationToken cancellationToken);

    /// <summary>The lead's latest stored model score, or null when it has none.</summary>
    Task<ModelScore?> FindModelScoreAsync(LeadId leadId, CancellationToken cancellationToken);

    /// <summary>All stored model scores, by lead id.</summary>
    IAsyncEnumerable<ModelScore> ReadModelScoresAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One page of the ranked lead list: the leads matching the query's filters with their stored point and model
    /// scores, in the query's order, and how many match in all. Throws <see cref="ArgumentException"/> for a query
    /// <see cref="LeadListQuery.Validate"/> refuses.
    /// </summary>
    Task<LeadListPage> ReadLeadListAsync(LeadListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new API key by its secret's hash (<see cref="ApiKeySecret.Hash"/>); the secret itself is never stored. A key
    /// with an <paramref name="account"/> sees only that account's data; null makes an install-wide key.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another key has the same hash (the same secret).</exception>
    /// <exception cref="ArgumentException">The store has no user with the id <paramref name="account"/>; nothing is stored.</exception>
    Task<ApiKey> CreateApiKeyAsync(string name, UserId? account, DateTimeOffset createdAt, ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken);

    /// <summary>Every API key, revoked ones included, by id.</summary>
    IAsyncEnumerable<ApiKey> ReadApiKeysAsync(CancellationToken cancellationToken);

    /// <summary>Every API key with its secret's hash (never the secret), by id: what copying a store moves.</summary>
    IAsyncEnumerable<StoredApiKey> ReadStoredApiKeysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Revokes a key from <paramref name="revokedAt"/> on and returns it; a key already revoked keeps its first
    /// revocation time. Null when there is no such key.
    /// </summary>
    Task<ApiKey?> RevokeApiKeyAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>The key whose secret has this hash, revoked or not, or null when there is none.</summary>
    Task<StoredApiKey?> FindApiKeyByHashAsync(ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken);

    /// <summary>Stores a job just accepted (<see cref="Job.Queued"/>).</summary>
    /// <exception cref="InvalidOperationException">A job with the same id exists.</exception>
    Task CreateJobAsync(Job job, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a job just accepted together with the files it needs (an import's upload), all in one transaction: either
    /// the job is queued with every file, or nothing is stored. The files are kept as <see cref="JobFileChunk"/> rows
    /// until the job finishes (<see cref="FinishJobAsync"/> deletes them).
    /// </summary>
    /// <exception cref="InvalidOperationException">A job with the same id exists.</exception>
    Task CreateJobAsync(Job job, IReadOnlyList<JobFileUpload> files, CancellationToken cancellationToken);

    /// <summary>A job's files, by name and then chunk: concatenate each name's chunks to get the file back.</summary>
    IAsyncEnumerable<JobFileChunk> ReadJobFilesAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Every job's files, by job id, name and chunk: what copying a store moves.</summary>
    IAsyncEnumerable<JobFileChunk> ReadAllJobFilesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The ids of at most <paramref name="limit"/> jobs a node could claim at <paramref name="now"/> (queued, or running
    /// with a lease that expired before it), oldest first. Claim each with <see cref="StartJobAsync"/>, which settles races.
    /// </summary>
    Task<IReadOnlyList<string>> ReadClaimableJobIdsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>The job with this id, or null when there is none.</summary>
    Task<Job?> FindJobAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every job, oldest first (by creation time, then id): what copying a store moves.</summary>
    IAsyncEnumerable<Job> ReadJobsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims a job for the node named by <paramref name="lease"/> and marks it running from <paramref name="startedAt"/>,
    /// in one statement, so of several nodes trying only one succeeds. A queued job can be claimed, and so can a running
    /// one whose lease expired before <paramref name="startedAt"/> (its node died). Each claim adds one to
    /// <see cref="Job.Attempts"/>. Returns the job as claimed, or null
    /// when it cannot be claimed (no such job, finished, or another node's lease still holds).
    /// </summary>
    Task<Job?> StartJobAsync(string id, JobLease lease, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the running job's lease to <c>lease.ExpiresAt</c> and, when given, records its progress. False (nothing
    /// written) when the job is not running under a lease of <c>lease.Owner</c>.
    /// </summary>
    Task<bool> RenewJobAsync(string id, JobLease lease, ProgressUpdate? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a running job held by <paramref name="leaseOwner"/>: <paramref name="state"/> (succeeded or failed), when,
    /// its result and errors; the lease is released and the job's files are deleted, in one transaction. False (nothing
    /// written) when the job is not running under that owner's lease.
    /// </summary>
    Task<bool> FinishJobAsync(string id, string leaseOwner, string state, DateTimeOffset finishedAt, string? resultJson, IReadOnlyList<string> errors, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a running job held by <paramref name="leaseOwner"/> back to the queue, because its node is stopping: queued
    /// again, lease released, start and progress cleared, and this claim taken back from <see cref="Job.Attempts"/> (a
    /// node that stops cleanly did not fail the job). A result the job recorded (<see cref="SaveJobModelsAsync"/>) is kept.
    /// False (nothing written) when the job is not running under that owner's lease.
    /// </summary>
    Task<bool> ReleaseJobAsync(string id, string leaseOwner, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the models a running job trained as new versions (numbered as <see cref="SaveModelAsync(string, UserId?, DateTimeOffset, string, string, ReadOnlyMemory{byte}, CancellationToken)"/> numbers them),
    /// promotes each at <paramref name="promotedAt"/> unless it is null, and records <paramref name="resultJson"/> of the
    /// saved versions as the job's result, all in one transaction: a later claimer of the job finds the versions in its
    /// result, so they are registered once however often the job is resumed. Null (nothing written) when the job is not
    /// running under <paramref name="leaseOwner"/>'s lease or already has a result.
    /// </summary>
    Task<IReadOnlyList<ModelVersion>?> SaveJobModelsAsync(
        string jobId,
        string leaseOwner,
        IReadOnlyList<NewModelVersion> models,
        DateTimeOffset? promotedAt,
        Func<IReadOnlyList<ModelVersion>, string> resultJson,
        CancellationToken cancellationToken);
}
