using System.Collections.Concurrent;
using Leadwise.Core.Metrics;
using Leadwise.Data.Storage;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Monitoring;
using Leadwise.Learning.Registry;
using Leadwise.Reports.Charts;
using Leadwise.Reports.Content;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// What the model page of a conversion version shows, cached: the charts and held-out numbers never change for a saved
/// version, so they are drawn once per version; drift depends on the current leads, so it is re-measured when older
/// than <see cref="DriftMaxAge"/> and the page says as of when.
/// </summary>
internal sealed class ModelPageCache(ILeadwiseStore store, TimeProvider time)
{
    public static readonly TimeSpan DriftMaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, Lazy<Task<ConversionPage>>> _pages = new();
    private readonly ConcurrentDictionary<int, CurrentDrift> _drift = new();

    public async Task<ConversionPage> GetAsync(int version, CancellationToken cancellationToken)
    {
        var page = _pages.GetOrAdd(version, v => new Lazy<Task<ConversionPage>>(() => BuildAsync(v)));
        try
        {
            return await page.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (page.Value.IsFaulted)
        {
            _pages.TryRemove(new KeyValuePair<int, Lazy<Task<ConversionPage>>>(version, page)); // the next request tries again
            throw;
        }
    }

    /// <summary>The drift of the current leads against the version's training data, measured at most <see cref="DriftMaxAge"/> ago.</summary>
    public async Task<CurrentDrift> DriftAsync(int version, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_drift.TryGetValue(version, out var cached) && now - cached.AsOf < DriftMaxAge)
        {
            return cached;
        }

        var page = await GetAsync(version, cancellationToken).ConfigureAwait(false);
        var leads = await StoreLeads.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        var drift = CurrentLeadsDrift.Measure(page.Model, leads, now);
        _drift[version] = drift;
        return drift;
    }

    // Not tied to one request's cancellation: the result is shared by every request for the version.
    private async Task<ConversionPage> BuildAsync(int version)
    {
        var model = await new ConversionModelRegistry(store, time).LoadAsync(version, CancellationToken.None).ConfigureAwait(false);
        var leads = await StoreLeads.ReadAsync(store, CancellationToken.None).ConfigureAwait(false);
        var content = StoredModelReport.Build(version, model, leads, store.Description, time.GetUtcNow());
        double[] probabilities = [.. content.Probabilities];
        bool[] labels = [.. content.Labels];
        double[] points = [.. content.PointScores ?? []];
        return new ConversionPage(
            model,
            content,
            BinaryMetrics.Compute(probabilities, labels),
            MetricIntervals.Compute(probabilities, labels),
            points.Length == 0 ? null : RocAuc.Compute(points, labels),
            points.Length == 0 ? null : Bootstrap.Interval(points, labels, (p, l) => RocAuc.Compute(p, l), resamples: 200),
            ModelReportCharts.Roc(content),
            ModelReportCharts.Calibration(content),
            ModelReportCharts.Gain(content),
            ModelReportCharts.FeatureImportance(content));
    }
}

/// <summary>A conversion version's page content that never changes: its model, report content, held-out metrics with intervals, the point rules' AUC, and the charts.</summary>
internal sealed record ConversionPage(
    ConversionModel Model,
    ModelReportContent Content,
    BinaryMetrics Metrics,
    MetricIntervals Intervals,
    double? PointsAuc,
    (double Low, double High)? PointsAucInterval,
    ChartImage Roc,
    ChartImage Calibration,
    ChartImage Gain,
    ChartImage? Importance);
