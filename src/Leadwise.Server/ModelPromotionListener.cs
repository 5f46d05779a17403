using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;

namespace Leadwise.Server;

/// <summary>
/// On a PostgreSQL store, LISTENs for promotions (a promote or rollback through any node or the CLI announces itself
/// with NOTIFY when it commits) and reloads the served models at once, so a promotion reaches every node in about a
/// round trip instead of up to <see cref="ModelRecheckOptions.Interval"/>. The registry polling stays in place
/// beside it, for whatever a notification misses; on SQLite (one node, no NOTIFY) it is the only path and this
/// service does nothing. A dropped listen connection is opened again, sooner first and then less often, and every
/// (re)connection reloads once, since promotions made while nobody listened were announced to no one.
/// </summary>
internal sealed partial class ModelPromotionListener(
    ILeadwiseStore store,
    PromotedModel model,
    PromotedRecommender recommender,
    TimeProvider time,
    ILogger<ModelPromotionListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not PostgresLeadwiseStore postgres)
        {
            return;
        }

        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await postgres.ListenForPromotionsAsync(
                    async cancellationToken =>
                    {
                        retry = FirstRetry;
                        LogListening(postgres.Description);
                        await ReloadAsync(cancellationToken).ConfigureAwait(false);
                    },
                    async (notice, cancellationToken) =>
                    {
                        LogPromotion(notice.Kind, notice.Version);
                        await ReloadAsync(cancellationToken).ConfigureAwait(false);
                    },
                    stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDropped(exception, retry.TotalSeconds);
            }

            try
            {
                await Task.Delay(retry, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    /// <summary>
    /// The existing reload, triggered now: both served models are marked stale and read again (through the read store,
    /// as the polling reads them), so the first request after a promotion does not pay for loading the new version.
    /// </summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        model.Expire();
        recommender.Expire();
        try
        {
            await model.GetAsync(cancellationToken).ConfigureAwait(false);
            await recommender.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next request tries again (the values are still marked stale); listening goes on.
            LogReloadFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for model promotions on {Store}")]
    private partial void LogListening(string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model promotion announced ({Kind} version {Version}): reloading the served models")]
    private partial void LogPromotion(string kind, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model promotion listener lost its connection; listening again in {Seconds} s (the registry is still polled meanwhile)")]
    private partial void LogDropped(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the served models after a promotion failed; the next request tries again")]
    private partial void LogReloadFailed(Exception exception);
}
