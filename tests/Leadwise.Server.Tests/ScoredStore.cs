using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Leadwise.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// A generated store (2,000 leads, companies, events) plus one lead whose name, title and company are HTML, with
/// conversion and sequence models promoted and every lead's point and model score stored (what <c>leadwise score</c>
/// does), hosted by the real <c>Program</c>. The expected lists are computed here from the stored rows, apart from the SQL.
/// </summary>
public sealed class ScoredStore : IAsyncLifetime
{
    /// <summary>The hostile lead's first name: a script tag a page must show as text.</summary>
    public const string ScriptName = "<script>alert('x')</script>";

    public const string HostileCompany = "<b>Bold & \"Quoted\"</b> GmbH";

    /// <summary>The summary of a saved version of a kind the server does not use: pages must show it as text.</summary>
    public const string HostileModelSummary = "<script>alert('model')</script> & friends";

    /// <summary>The promoted conversion version (trained with permutation importance).</summary>
    public const int PromotedConversionVersion = 1;

    /// <summary>The promoted sequence (hazard) version.</summary>
    public const int PromotedHazardVersion = 2;

    /// <summary>A second conversion version (another seed, no importance), saved but not promoted.</summary>
    public const int UnpromotedConversionVersion = 3;

    /// <summary>A version of an unknown kind with <see cref="HostileModelSummary"/>.</summary>
    public const int OtherKindVersion = 4;

    private readonly TempDirectory _directory = new();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public string Database => _directory.File("scored.db");

    public long HostileLeadId { get; private set; }

    /// <summary>Every lead with its stored scores, by id.</summary>
    public IReadOnlyList<(Lead Lead, LeadScore? Points, ModelScore? Model)> Leads { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 2000, Seed = 21 });
        var folder = _directory.File("export");
        await new GeneratedExportWriter().WriteAsync(export, folder, null, CancellationToken.None);
        await using (var store = await SqliteLeadwiseStore.OpenAsync(Database, CancellationToken.None))
        {
            await new OutreachImporter(store).ImportAsync(folder, new ImportOptions(), null, CancellationToken.None);
            await new CompanyImporter(store).ImportAsync(Path.Combine(folder, "companies.csv"), new ImportOptions(), null, CancellationToken.None);
            await new EngagementImporter(store).ImportAsync(Path.Combine(folder, "events.csv"), new ImportOptions(), null, CancellationToken.None);
            await AddHostileLeadAsync(store);
            await TrainAndScoreAsync(store);
            Leads = await ReadLeadsAsync(store);
        }

        Host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting(LeadwiseServer.DatabaseSetting, Database)
            .UseSetting(Security.LeadwiseSecurity.OpenReadsSetting, "true"));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    /// <summary>The ranked order the list must show: model score when the lead has one, else points; unscored last; ties by id.</summary>
    public IEnumerable<(Lead Lead, LeadScore? Points, ModelScore? Model)> Ranked() =>
        Leads.OrderBy(l => Ranked(l) is null).ThenByDescending(l => Ranked(l)).ThenBy(l => l.Lead.Id.Value);

    public static double? Ranked((Lead Lead, LeadScore? Points, ModelScore? Model) lead) => lead.Model is { } m ? m.Score : lead.Points?.Total;

    private async Task AddHostileLeadAsync(SqliteLeadwiseStore store)
    {
        Lead? template = null;
        await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
        {
            template ??= lead;
            HostileLeadId = Math.Max(HostileLeadId, lead.Id.Value + 1);
        }

        await using var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None);
        await writer.UpsertAsync(template! with
        {
            Id = new LeadId(HostileLeadId),
            FirstName = ScriptName,
            LastName = "O'Hara",
            Name = ScriptName + " O'Hara",
            Title = "<img src=x onerror=alert(1)> Head of Sales",
            CompanyName = HostileCompany,
        }, CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }

    private static async Task TrainAndScoreAsync(SqliteLeadwiseStore store)
    {
        var leads = await StoreLeads.ReadAsync(store, CancellationToken.None);
        var trained = ConversionModelTrainer.Train(leads.Invited, leads.Replied, new ConversionTrainingOptions(Folds: 3, Trainers: [TrainerKind.LogisticRegression], Importance: true), DateTimeOffset.UtcNow);
        var registry = new ConversionModelRegistry(store, TimeProvider.System);
        var version = (await registry.SaveAsync(trained.Model, CancellationToken.None)).Version;
        await registry.PromoteAsync(version, CancellationToken.None);
        var hazard = HazardModel.Train(HazardRows.Build(leads.All, leads.Messages), new HazardModelOptions { Folds = 3, Trainers = [TrainerKind.LogisticRegression] });
        var hazards = new HazardModelRegistry(store, TimeProvider.System);
        await hazards.PromoteAsync((await hazards.SaveAsync(hazard, CancellationToken.None)).Version, CancellationToken.None);
        var other = ConversionModelTrainer.Train(leads.Invited, leads.Replied, new ConversionTrainingOptions(Folds: 3, Seed: 1, Trainers: [TrainerKind.LogisticRegression], Importance: false), DateTimeOffset.UtcNow);
        await registry.SaveAsync(other.Model, CancellationToken.None);
        await store.SaveModelAsync("experiment", DateTimeOffset.UtcNow, HostileModelSummary, "{}", new byte[] { 1, 2, 3 }, CancellationToken.None);

        // Every tenth lead keeps no model score, so the list mixes model-ranked and point-ranked leads.
        var asOf = TestTime.Base.AddDays(30);
        var points = new ScoringEngine(RulesLoader.LoadDefault()).ScoreAll(leads.All, asOf);
        var predictions = trained.Model.PredictMany([.. leads.All.Select(f => PreContactFacts.ForScoring(f, leads.Messages.GetValueOrDefault(f.Lead.CampaignId), asOf))]);
        await using var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None);
        for (var i = 0; i < leads.All.Count; i++)
        {
            await writer.UpsertAsync(points[i], CancellationToken.None);
            if (i % 10 != 3)
            {
                var p = predictions[i];
                await writer.UpsertAsync(new ModelScore(leads.All[i].Lead.Id, version, p.Probability, p.Score, p.Grade, asOf), CancellationToken.None);
            }
        }

        await writer.CommitAsync(CancellationToken.None);
    }

    private static async Task<IReadOnlyList<(Lead, LeadScore?, ModelScore?)>> ReadLeadsAsync(SqliteLeadwiseStore store)
    {
        var points = new Dictionary<LeadId, LeadScore>();
        await foreach (var score in store.ReadScoresAsync(CancellationToken.None))
        {
            points[score.LeadId] = score;
        }

        var models = new Dictionary<LeadId, ModelScore>();
        await foreach (var score in store.ReadModelScoresAsync(CancellationToken.None))
        {
            models[score.LeadId] = score;
        }

        var leads = new List<(Lead, LeadScore?, ModelScore?)>();
        await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
        {
            leads.Add((lead, points.GetValueOrDefault(lead.Id), models.GetValueOrDefault(lead.Id)));
        }

        return leads;
    }
}
