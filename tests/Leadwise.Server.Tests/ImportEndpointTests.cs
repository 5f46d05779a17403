using System.Net;
using System.Text.Json;
using Leadwise.Core.Jobs;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Data.Transfer;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Server.Endpoints;
using Leadwise.Testing;
using Leadwise.Testing.Exports;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// <c>POST /api/import</c> and <c>GET /api/jobs/{id}</c> on the real host, each test over an empty SQLite store of its
/// own. Expected outcomes come from running the CLI's importer on the same files into a scratch store.
/// </summary>
public sealed class ImportEndpointTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Should_ImportAGeneratedExport_InTheBackground_AndHoldExactlyItsRows()
    {
        // Given: a generated export bigger than the general body limit, which the import route's own limit allows
        var export = _directory.Subdirectory("generated");
        await new GeneratedExportWriter().WriteAsync(new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 15000, Seed = 3 }), export, null, CancellationToken.None);
        await using var host = await ImportHost.StartAsync(_directory, ("Leadwise:MaxRequestBytes", "1024"));
        var expected = await ImportWithCliImporterAsync(export, new ImportOptions());

        // When
        var accepted = await host.UploadAsync(Upload(export));
        var (job, seen) = await host.WaitUntilFinishedAsync(accepted);

        // Then: 202 with the job's address, then succeeded with the CLI's row counts
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var acceptedJob = await JsonAsync(accepted);
        Assert.Equal($"/api/jobs/{acceptedJob.GetProperty("id").GetString()}", accepted.Headers.Location?.OriginalString);
        Assert.Equal(JobStates.Queued, acceptedJob.GetProperty("state").GetString());
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        Assert.Empty(job.GetProperty("errors").EnumerateArray());
        Assert.Equal(
            expected.Report.Tables.Select(t => (t.FileName, t.RowsRead, t.RowsImported, t.RowsRejected)),
            job.GetProperty("result").GetProperty("tables").EnumerateArray().Select(t => (
                t.GetProperty("file").GetString()!, t.GetProperty("rowsRead").GetInt64(), t.GetProperty("rowsImported").GetInt64(), t.GetProperty("rowsRejected").GetInt64())));

        // The store holds exactly the rows the CLI's importer writes from the same files, checksum for checksum.
        await using (var store = await SqliteLeadwiseStore.OpenAsync(host.Database, CancellationToken.None))
        {
            var comparison = await StoreChecksums.CompareAsync(expected.Store, store, null, CancellationToken.None);
            Assert.All(comparison.Where(t => t.Table is not (StoreTableNames.Jobs or StoreTableNames.ApiKeys)), t => Assert.True(t.Matches, $"{t.Table}: {t.From} vs {t.To}"));
            Assert.True((await store.CountAsync(CancellationToken.None)).Leads >= 15000);

            // The upload lived in the store (a 15,000-lead export is several chunks) only until the job finished.
            Assert.Empty(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
            Assert.Equal(1, (await store.FindJobAsync(acceptedJob.GetProperty("id").GetString()!, CancellationToken.None))!.Attempts);
        }

        await expected.Store.DisposeAsync();

        // Progress: the stages seen while polling follow the files' import order, bytes never go back within a
        // stage, and the finished job records the last file read to its end.
        var order = ImportEndpoints.FileParts.ToList();
        var running = seen.Where(p => p.Stage is not null).ToList();
        Assert.NotEmpty(running);
        Assert.All(running.Zip(running.Skip(1)), pair => Assert.True(
            order.IndexOf(pair.First.Stage!) < order.IndexOf(pair.Second.Stage!) || (pair.First.Stage == pair.Second.Stage && pair.First.Done <= pair.Second.Done),
            $"{pair.First} then {pair.Second}"));
        var final = job.GetProperty("progress");
        Assert.Equal(order[^1], final.GetProperty("stage").GetString());
        Assert.Equal(final.GetProperty("total").GetInt64(), final.GetProperty("done").GetInt64());
        Assert.Equal(new FileInfo(Path.Combine(export, order[^1])).Length, final.GetProperty("done").GetInt64());
    }

    [Fact]
    public async Task Should_FailAnUploadWithABadCell_WithTheCliError_AndLeaveTheStoreUnchanged()
    {
        // Given
        using var bad = new ExportFolderBuilder().SetField(OutreachExportText.Leads, 2, "replied", "yes").Build();
        var expected = await ImportWithCliImporterAsync(bad.Path, new ImportOptions());
        await expected.Store.DisposeAsync();
        await using var host = await ImportHost.StartAsync(_directory);
        var before = await host.CountAsync();

        // When
        var (job, _) = await host.WaitUntilFinishedAsync(await host.UploadAsync(Upload(bad.Path)));

        // Then
        Assert.Equal(JobStates.Failed, job.GetProperty("state").GetString());
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(expected.Report.Errors.Select(e => e.ToString()), errors);
        Assert.StartsWith("Leads.csv:2:", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Contains("column \"replied\": expected t or f, got \"yes\"", errors[0], StringComparison.Ordinal);
        Assert.False(job.GetProperty("result").GetProperty("committed").GetBoolean());
        Assert.Equal(before, await host.CountAsync());
    }

    [Fact]
    public async Task Should_ImportTheGoodRows_WithSkipBadRows_AndListTheRejectedOnes()
    {
        // Given
        using var bad = new ExportFolderBuilder().SetField(OutreachExportText.Leads, 2, "replied", "yes").Build();
        var expected = await ImportWithCliImporterAsync(bad.Path, new ImportOptions { SkipBadRows = true });
        var expectedCounts = await expected.Store.CountAsync(CancellationToken.None);
        await expected.Store.DisposeAsync();
        await using var host = await ImportHost.StartAsync(_directory);

        // When
        var (job, _) = await host.WaitUntilFinishedAsync(await host.UploadAsync(Upload(bad.Path, ("skipBadRows", "true"))));

        // Then
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        Assert.True(job.GetProperty("input").GetProperty("skipBadRows").GetBoolean());
        Assert.Equal(expected.Report.Errors.Select(e => e.ToString()), job.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        var leads = job.GetProperty("result").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("file").GetString() == OutreachExportText.Leads);
        Assert.Equal(1, leads.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(expectedCounts, await host.CountAsync());
        Assert.Equal(leads.GetProperty("rowsImported").GetInt64(), expectedCounts.Leads);
    }

    [Fact]
    public async Task Should_RefuseBadRequests_BeforeQueueingAnything()
    {
        // Given
        using var export = new ExportFolderBuilder().Build();
        await using var host = await ImportHost.StartAsync(_directory, ("Leadwise:MaxImportBytes", "65536"));
        using var big = new ExportFolderBuilder().AppendLine(OutreachExportText.Users, new string('x', 100_000)).Build();

        // When
        var withoutKey = await host.Client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/import", null, content: Upload(export.Path)));
        var missing = await host.UploadAsync(Upload(export.Path, skip: OutreachExportText.Leads));
        var unknown = await host.UploadAsync(Upload(export.Path, ("Notes.csv", "a,b")));
        var badOption = await host.UploadAsync(Upload(export.Path, ("maxErrors", "0")));
        var empty = await host.UploadAsync(new MultipartFormDataContent());
        var notMultipart = await host.UploadAsync(new StringContent("Users.csv"));
        var tooLarge = await host.UploadAsync(Upload(big.Path));
        var unknownJob = await host.Client.SendAsync(ApiKeys.Request(HttpMethod.Get, "/api/jobs/no-such-job", host.Secret));

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        await AssertProblemAsync(missing, HttpStatusCode.BadRequest, OutreachExportText.Leads, "is missing");
        await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "Notes.csv", "Unknown part Notes.csv");
        await AssertProblemAsync(badOption, HttpStatusCode.BadRequest, "maxErrors", "from 1 to 1000");
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "body", "empty");
        await AssertProblemAsync(notMultipart, HttpStatusCode.BadRequest, "body", "multipart/form-data");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("Leadwise:MaxImportBytes", (await JsonAsync(tooLarge)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownJob.StatusCode);
        Assert.Equal("id", (await JsonAsync(unknownJob)).GetProperty("field").GetString());
        await using var store = await SqliteLeadwiseStore.OpenAsync(host.Database, CancellationToken.None);
        Assert.Empty(await store.ReadJobsAsync(CancellationToken.None).ToListAsync());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string message)
    {
        Assert.Equal(status, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static MultipartFormDataContent Upload(string folder, params (string Name, string Value)[] fields) => ExportUpload.From(folder, fields);

    private static MultipartFormDataContent Upload(string folder, string? skip, params (string Name, string Value)[] fields) => ExportUpload.From(folder, skip, fields);

    /// <summary>What <c>leadwise import</c> makes of the same files: its report and the store it wrote (to compare with).</summary>
    private async Task<(ImportReport Report, ILeadwiseStore Store)> ImportWithCliImporterAsync(string folder, ImportOptions options)
    {
        var store = await SqliteLeadwiseStore.OpenAsync(_directory.File($"cli-{Guid.NewGuid():N}.db"), CancellationToken.None);
        var report = await new OutreachImporter(store).ImportAsync(folder, options, null, CancellationToken.None);
        return (report, store);
    }

    /// <summary>The host over a new, empty store with one write key.</summary>
    private sealed class ImportHost : IAsyncDisposable
    {
        private readonly WebApplicationFactory<Program> _factory;

        private ImportHost(WebApplicationFactory<Program> factory, string database, string secret)
        {
            _factory = factory;
            Database = database;
            Secret = secret;
            Client = factory.CreateClient();
        }

        public string Database { get; }

        public string Secret { get; }

        public HttpClient Client { get; }

        public static async Task<ImportHost> StartAsync(TempDirectory directory, params (string Key, string Value)[] settings)
        {
            var database = directory.File($"server-{Guid.NewGuid():N}.db");
            await (await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None)).DisposeAsync();
            var (_, secret) = await ApiKeys.CreateAsync(database, "importer");
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting(LeadwiseServer.DatabaseSetting, database);
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }
            });
            return new ImportHost(factory, database, secret);
        }

        public Task<HttpResponseMessage> UploadAsync(HttpContent content) =>
            Client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/import", Secret, content: content));

        public async Task<StoreCounts> CountAsync()
        {
            await using var store = await SqliteLeadwiseStore.OpenAsync(Database, CancellationToken.None);
            return await store.CountAsync(CancellationToken.None);
        }

        /// <summary>Polls the job's address until it has finished; returns the finished job and the progress seen on the way.</summary>
        public async Task<(JsonElement Job, List<(string? Stage, long Done)> Seen)> WaitUntilFinishedAsync(HttpResponseMessage accepted)
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var location = accepted.Headers.Location!.OriginalString;
            var seen = new List<(string?, long)>();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline)
            {
                var response = await Client.SendAsync(ApiKeys.Request(HttpMethod.Get, location, Secret));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var job = await JsonAsync(response);
                var state = job.GetProperty("state").GetString();
                if (state is JobStates.Succeeded or JobStates.Failed)
                {
                    return (job, seen);
                }

                if (state == JobStates.Running && job.GetProperty("progress") is { ValueKind: JsonValueKind.Object } progress)
                {
                    seen.Add((progress.GetProperty("stage").GetString(), progress.GetProperty("done").GetInt64()));
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"{location} did not finish within 3 minutes.");
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _factory.DisposeAsync();
        }
    }
}
