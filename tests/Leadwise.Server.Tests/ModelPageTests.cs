using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Leadwise.Core.Models;
using Leadwise.Data.Sqlite;
using Leadwise.Learning.Features;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Registry;
using Leadwise.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leadwise.Server.Tests;

/// <summary>The dashboard's model pages over the scored store: numbers from the registry, real PNG charts, drift as Learning measures it.</summary>
[Collection(ScoredStoreCollection.Name)]
public sealed partial class ModelPageTests(ScoredStore store)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string F3(double value) => value.ToString("0.000", Invariant);

    private async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string url, WebApplicationFactory<Program>? host = null)
    {
        var response = await (host ?? store.Host).CreateClient().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<ModelVersion> VersionAsync(int version)
    {
        await using var sqlite = await SqliteLeadwiseStore.OpenAsync(store.Database, CancellationToken.None);
        return (await sqlite.FindModelAsync(version, CancellationToken.None))!;
    }

    [Fact]
    public async Task List_ShowsEveryStoredVersion_AndMarksThePromotedOneOfEachKind()
    {
        // Given: the versions and promotions as the registry holds them
        var versions = new List<ModelVersion>();
        var promoted = new HashSet<int>();
        await using (var sqlite = await SqliteLeadwiseStore.OpenAsync(store.Database, CancellationToken.None))
        {
            await foreach (var version in sqlite.ReadModelsAsync(CancellationToken.None))
            {
                versions.Add(version);
            }

            foreach (var kind in versions.Select(v => v.Kind).Distinct())
            {
                var history = await sqlite.ReadPromotionsAsync(kind, CancellationToken.None);
                if (history.Count > 0)
                {
                    promoted.Add(history[^1].Version);
                }
            }
        }

        // When
        var (status, html, _) = await GetAsync("/models");

        // Then: one row per version, linked, "promoted" exactly on the promoted ones, with the card's trainer and AUC
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Row().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value, Invariant), m => m.Groups[2].Value);
        Assert.Equal(versions.Select(v => v.Version).Order(), rows.Keys.Order());
        Assert.Equal([ScoredStore.PromotedConversionVersion, ScoredStore.PromotedHazardVersion], promoted.Order());
        foreach (var version in versions)
        {
            Assert.Contains($"href=\"/models/{version.Version}\"", rows[version.Version], StringComparison.Ordinal);
            Assert.Equal(promoted.Contains(version.Version), rows[version.Version].Contains("<td>promoted</td>", StringComparison.Ordinal));
            Assert.Contains(version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant), rows[version.Version], StringComparison.Ordinal);
            if (version.Kind == ModelKinds.Conversion)
            {
                Assert.Contains($"<td>{F3(ConversionModelRegistry.ReadCard(version).Metrics.RocAuc)}</td>", rows[version.Version], StringComparison.Ordinal);
            }
            else if (version.Kind == ModelKinds.Hazard)
            {
                Assert.Contains($"<td>{F3(HazardModelRegistry.HeldOutAuc(HazardModelRegistry.ReadReport(version).Hazard))}</td>", rows[version.Version], StringComparison.Ordinal);
            }
        }

        Assert.Contains("<a href=\"/models\">Models</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversionPage_ShowsTheCardsMetricsAndImportance_WithValidPngCharts()
    {
        // Given: the promoted conversion version's card, read from the registry
        var card = ConversionModelRegistry.ReadCard(await VersionAsync(ScoredStore.PromotedConversionVersion));

        // When
        var (status, html, response) = await GetAsync($"/models/{ScoredStore.PromotedConversionVersion}");

        // Then: the held-out metrics with the AUC's interval are the card's, beside the baselines
        Assert.Equal(HttpStatusCode.OK, status);
        var model = Cells(html, "model");
        Assert.Equal($"{F3(card.Metrics.RocAuc)} ({F3(card.Metrics.RocAucLow)}–{F3(card.Metrics.RocAucHigh)})", model[1]);
        Assert.StartsWith(F3(card.Metrics.PrAuc) + " (", model[2], StringComparison.Ordinal);
        Assert.StartsWith(F3(card.Metrics.Brier) + " (", model[3], StringComparison.Ordinal);
        Assert.StartsWith(F3(card.Metrics.LogLoss) + " (", model[4], StringComparison.Ordinal);
        Assert.StartsWith(F3(card.Metrics.CalibrationError) + " (", model[5], StringComparison.Ordinal);
        Assert.StartsWith("×" + card.Metrics.LiftTop10.ToString("0.0", Invariant), model[6], StringComparison.Ordinal);
        var baseRate = Cells(html, "base-rate");
        Assert.Contains(card.Metrics.BaseRate.ToString("0.0%", Invariant), baseRate[0], StringComparison.Ordinal);
        Assert.Equal(F3(card.Metrics.BaseRate * (1 - card.Metrics.BaseRate)), baseRate[3]);
        Assert.Matches(@"^\d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\)$", Cells(html, "points")[1]);

        // permutation importance: every group with the card's numbers
        Assert.NotEmpty(card.Importance);
        foreach (var group in card.Importance)
        {
            Assert.Contains($"<tr><td>{WebUtility.HtmlEncode(group.Group)}</td><td>{WebUtility.HtmlEncode($"{F3(group.MeanAucDrop)} ± {F3(group.StandardDeviation)}")}</td></tr>", html, StringComparison.Ordinal);
        }

        // ROC, calibration, gain and importance: PNGs that decode to a real size, each with alt text
        var images = Image().Matches(html).ToList();
        Assert.Equal(4, images.Count);
        foreach (var image in images)
        {
            var png = Convert.FromBase64String(image.Groups[1].Value);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.InRange(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), 200, 4000);
            Assert.InRange(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), 100, 4000);
            Assert.True(image.Groups[2].Value.Length > 20, "an image without a text alternative");
        }

        Assert.Contains("AUC is " + F3(card.Metrics.RocAuc), html, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversionPage_DriftRows_AreLearningsPsi_OfTheNotYetInvitedLeads()
    {
        // Given: a fixed clock, and the PSI computed here from the model's saved baseline
        var now = TestTime.Base.AddDays(40);
        var host = store.Host.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now))));
        await using var sqlite = await SqliteLeadwiseStore.OpenAsync(store.Database, CancellationToken.None);
        var model = await new ConversionModelRegistry(sqlite, TimeProvider.System).LoadAsync(ScoredStore.PromotedConversionVersion, CancellationToken.None);
        var leads = await StoreLeads.ReadAsync(sqlite, CancellationToken.None);
        var waiting = leads.All.Where(f => f.Lead.InviteSentAt is null).ToList();
        var current = waiting.Count > 0 ? waiting : [.. leads.All];
        var rows = current.Select(f => model.Encoder.Encode(PreContactFacts.ForScoring(f, leads.Messages.GetValueOrDefault(f.Lead.CampaignId), now))).ToList();
        var expected = model.Card.Drift.Compare(model.Card.Groups, rows, model.PredictProbabilities(rows));

        // When
        var (status, html, _) = await GetAsync($"/models/{ScoredStore.PromotedConversionVersion}", host);

        // Then: one row per feature group and the probability, with the same PSI and a reading in words
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"against {expected.Rows:N0} current leads", html, StringComparison.Ordinal);
        Assert.Contains($"as of {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", html, StringComparison.Ordinal);
        var shown = DriftRow().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => (Psi: m.Groups[2].Value, Reading: m.Groups[3].Value));
        Assert.Equal(expected.Features.Count + 1, shown.Count);
        Assert.Equal(expected.ProbabilityPsi.ToString("F3", Invariant), shown["predicted probability"].Psi);
        foreach (var feature in expected.Features)
        {
            Assert.Equal(feature.Psi.ToString("F3", Invariant), shown[feature.Feature].Psi);
            Assert.Equal(feature.Shifted, shown[feature.Feature].Reading == "shifted (warning)");
        }

        Assert.Equal(expected.ProbabilityShifted || expected.Features.Any(f => f.Shifted), html.Contains("<strong>Warning: </strong>shifted above PSI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnpromotedVersion_WithoutImportance_SaysSo_AndIsMarkedNotPromoted()
    {
        var card = ConversionModelRegistry.ReadCard(await VersionAsync(ScoredStore.UnpromotedConversionVersion));

        var (status, html, _) = await GetAsync($"/models/{ScoredStore.UnpromotedConversionVersion}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("not promoted", html, StringComparison.Ordinal);
        Assert.StartsWith(F3(card.Metrics.RocAuc) + " (", Cells(html, "model")[1], StringComparison.Ordinal);
        Assert.Contains("Not measured for this version", html, StringComparison.Ordinal);
        Assert.Equal(3, Image().Matches(html).Count);
    }

    [Fact]
    public async Task HazardPage_ShowsEachStepsAucAndCalibration_FromItsReport()
    {
        var report = HazardModelRegistry.ReadReport(await VersionAsync(ScoredStore.PromotedHazardVersion));

        var (status, html, _) = await GetAsync($"/models/{ScoredStore.PromotedHazardVersion}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("promoted: the server uses it", html, StringComparison.Ordinal);
        Assert.NotEmpty(report.Hazard.Steps);
        foreach (var step in report.Hazard.Steps)
        {
            Assert.Contains($"<td>{step.Rows.ToString("N0", Invariant)}</td><td>{step.Positives.ToString("N0", Invariant)}</td><td>{(double.IsNaN(step.RocAuc) ? "—" : F3(step.RocAuc))}</td><td>{(double.IsNaN(step.CalibrationError) ? "—" : F3(step.CalibrationError))}</td>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownVersion_IsTheDashboards404Page()
    {
        var (status, html, _) = await GetAsync("/models/999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is no model version 999.", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/dashboard.css\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesFromTheRegistry_AreShownAsText_NeverAsMarkup()
    {
        var (_, list, _) = await GetAsync("/models");
        var (status, page, _) = await GetAsync($"/models/{ScoredStore.OtherKindVersion}");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var html in new[] { list, page })
        {
            Assert.Contains(WebUtility.HtmlEncode(ScoredStore.HostileModelSummary), html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task LeadPage_LinksItsModelScore_ToTheModelPage()
    {
        var lead = store.Leads.First(l => l.Model is not null).Lead;

        var (_, html, _) = await GetAsync($"/leads/{lead.Id.Value}");

        Assert.Contains($"<a href=\"/models/{ScoredStore.PromotedConversionVersion}\">model version {ScoredStore.PromotedConversionVersion}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnyModel_TheListSaysHowToTrainOne()
    {
        using var directory = new TempDirectory();
        var database = directory.File("empty.db");
        await (await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None)).DisposeAsync();
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting(LeadwiseServer.DatabaseSetting, database)
            .UseSetting(Security.LeadwiseSecurity.OpenReadsSetting, "true"));

        var (status, html, _) = await GetAsync("/models", host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No model has been trained yet. Run leadwise train", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>The text of each cell of the metrics row named <paramref name="row"/>.</summary>
    private static List<string> Cells(string html, string row)
    {
        var match = Regex.Match(html, $"<tr data-row=\"{row}\">(.*?)</tr>");
        Assert.True(match.Success, $"no metrics row {row}");
        return [.. Regex.Matches(match.Groups[1].Value, "<td>(.*?)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<tr data-version=\"(\\d+)\">(.*?)</tr>")]
    private static partial Regex Row();

    [GeneratedRegex("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\"")]
    private static partial Regex Image();

    [GeneratedRegex("<tr data-feature=\"([^\"]*)\"><td>[^<]*</td><td>([0-9.\\-]+)</td><td>([^<]*)</td></tr>")]
    private static partial Regex DriftRow();
}
