using System.Net;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Data.Transfer;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Rescoring;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Leadwise.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// <c>POST /api/jobs/score</c> and <c>POST /api/jobs/train</c> on one node over a copy of the generated store, compared
/// with what <c>leadwise score</c> and <c>leadwise train</c> run (<see cref="StoreRescorer"/>, <see cref="ConversionModelTrainer"/>,
/// <see cref="StoreSequenceTraining"/>) on another copy of the same store.
/// </summary>
public sealed class ScoreAndTrainJobTests(ServerStore generated) : IClassFixture<ServerStore>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Should_StoreTheSameScoresAsTheCliPath_AsOfTheGivenTime()
    {
        // Given
        var asOf = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var (serverCopy, cliCopy) = (await CopyAsync("server.db"), await CopyAsync("cli.db"));
        var secret = await JobNode.CreateKeyAsync(serverCopy);
        await using var node = JobNode.Start(serverCopy, secret, "node");

        // When
        var id = await node.QueueAsync("/api/jobs/score", JsonContent("""{"asOf": "2026-11-30T12:00:00Z"}"""));
        var job = await node.WaitUntilFinishedAsync(id);
        StoreRescoring expected;
        await using (var cli = await StoreFactory.OpenAsync(cliCopy, mustExist: true, CancellationToken.None))
        {
            var promoted = await new ConversionModelRegistry(cli, TimeProvider.System).LoadPromotedAsync(CancellationToken.None);
            expected = await new StoreRescorer(cli, new ScoringEngine(RulesLoader.LoadDefault())).RescoreAsync(promoted, asOf, null, null, CancellationToken.None);
        }

        // Then: the same point and model scores, lead for lead, and the result counts them
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        var result = job.GetProperty("result");
        Assert.Equal(expected.Leads, result.GetProperty("leads").GetInt64());
        Assert.Equal(expected.ModelVersion, result.GetProperty("modelVersion").GetInt32());
        Assert.Equal(expected.ModelGrades, result.GetProperty("modelGrades").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
        Assert.Equal(expected.PointGrades, result.GetProperty("pointGrades").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
        Assert.Equal("Scoring leads", job.GetProperty("progress").GetProperty("stage").GetString());
        await using var server = await StoreFactory.OpenAsync(serverCopy, mustExist: true, CancellationToken.None);
        await using var cliStore = await StoreFactory.OpenAsync(cliCopy, mustExist: true, CancellationToken.None);
        var comparison = await StoreChecksums.CompareAsync(cliStore, server, null, CancellationToken.None);
        Assert.All(comparison.Where(t => t.Table is StoreTableNames.Scores or StoreTableNames.ModelScores), t =>
        {
            Assert.True(t.Matches, $"{t.Table}: {t.From} vs {t.To}");
            Assert.True(t.To.Rows > 0);
        });
        Assert.Equal(expected.Leads, comparison.Single(t => t.Table == StoreTableNames.ModelScores).To.Rows);
    }

    [Fact]
    public async Task Should_RegisterModelsWithTheCliPathsMetrics_AndPromoteThemOnlyWhenAsked()
    {
        // Given
        var (serverCopy, cliCopy) = (await CopyAsync("server.db"), await CopyAsync("cli.db"));
        var secret = await JobNode.CreateKeyAsync(serverCopy);
        await using var node = JobNode.Start(serverCopy, secret, "node");
        var before = await VersionsAsync(serverCopy);

        // When: one job without promote, one with, and the CLI path with the same folds and seed
        var kept = await node.WaitUntilFinishedAsync(await node.QueueAsync("/api/jobs/train", JsonContent("""{"folds": 2, "seed": 7}""")));
        var promoted = await node.WaitUntilFinishedAsync(await node.QueueAsync("/api/jobs/train", JsonContent("""{"folds": 2, "seed": 7, "promote": true}""")));
        TrainedConversionModel expected;
        HazardModel expectedSequence;
        await using (var cli = await StoreFactory.OpenAsync(cliCopy, mustExist: true, CancellationToken.None))
        {
            var leads = await StoreLeads.ReadAsync(cli, CancellationToken.None);
            expected = ConversionModelTrainer.Train(leads.Invited, leads.Replied, new ConversionTrainingOptions(2, 7), DateTimeOffset.UtcNow);
            expectedSequence = StoreSequenceTraining.Train(leads, 2, 7, CancellationToken.None);
        }

        // Then
        Assert.Equal((JobStates.Succeeded, JobStates.Succeeded), (kept.GetProperty("state").GetString(), promoted.GetProperty("state").GetString()));
        await using var server = await StoreFactory.OpenAsync(serverCopy, mustExist: true, CancellationToken.None);
        var conversions = new ConversionModelRegistry(server, TimeProvider.System);
        var sequences = new HazardModelRegistry(server, TimeProvider.System);
        foreach (var job in new[] { kept, promoted })
        {
            var conversion = job.GetProperty("result").GetProperty("conversion");
            var version = conversion.GetProperty("version").GetInt32();
            var card = (await conversions.LoadAsync(version, CancellationToken.None)).Card;
            Assert.Equal(expected.Model.Card.Metrics, card.Metrics);
            Assert.Equal(expected.Model.Card.Trainer, card.Trainer);
            Assert.Equal(expected.Model.Card.DataFingerprint, card.DataFingerprint);
            Assert.Equal(expected.Report.Chosen.ToString(), conversion.GetProperty("chosen").GetString());
            Assert.Equal(expected.Report.CalibratedMetrics.RocAuc, conversion.GetProperty("rocAuc").GetDouble());
            var sequence = job.GetProperty("result").GetProperty("sequence");
            Assert.Equal(HazardModelRegistry.HeldOutAuc(expectedSequence.Report.Hazard), sequence.GetProperty("hazardAuc").GetDouble());
            Assert.Equal(ModelKinds.Hazard, (await server.FindModelAsync(sequence.GetProperty("version").GetInt32(), CancellationToken.None))!.Kind);
        }

        // Four new versions; the first job's stayed unpromoted, the second job's are served now.
        Assert.Equal(before + 4, await VersionsAsync(serverCopy));
        var promotedVersions = (promoted.GetProperty("result").GetProperty("conversion").GetProperty("version").GetInt32(),
            promoted.GetProperty("result").GetProperty("sequence").GetProperty("version").GetInt32());
        Assert.Equal(promotedVersions, ((await conversions.LoadPromotedAsync(CancellationToken.None))!.Value.Version, (await sequences.LoadPromotedAsync(CancellationToken.None))!.Value.Version));
        Assert.False(kept.GetProperty("result").GetProperty("conversion").GetProperty("promoted").GetBoolean());
    }

    [Fact]
    public async Task Should_RefuseATrainJobWithBadFolds_AndJobsWithoutAWriteKey()
    {
        // Given
        var copy = await CopyAsync("server.db");
        var secret = await JobNode.CreateKeyAsync(copy);
        await using var node = JobNode.Start(copy, secret, "node", ("Leadwise:Jobs:Run", "false"));

        // When
        var badFolds = await node.PostAsync("/api/jobs/train", JsonContent("""{"folds": 1}"""));
        var withoutKey = await node.Client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/jobs/score", null));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, badFolds.StatusCode);
        Assert.Contains("2 to 20", (await JobNode.JsonAsync(badFolds)).GetProperty("errors").GetProperty("folds")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        await using var store = await StoreFactory.OpenAsync(copy, mustExist: true, CancellationToken.None);
        Assert.Empty(await store.ReadJobsAsync(CancellationToken.None).ToListAsync());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<int> VersionsAsync(string location)
    {
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        return await store.ReadModelsAsync(CancellationToken.None).CountAsync();
    }

    private async Task<string> CopyAsync(string name)
    {
        var location = _directory.File(name);
        await using var source = await StoreFactory.OpenAsync(generated.Database, mustExist: true, CancellationToken.None);
        await using var target = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
        await new StoreCopier(source, target).CopyAsync(replace: false, progress: null, CancellationToken.None);
        return location;
    }
}
