using System.Text;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Core.Scoring;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Testing;
using Leadwise.Testing.Scoring;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leadwise.Data.Tests.Support;

/// <summary>Puts rows into every store table (<see cref="StoreTableNames.All"/>), and counts a store's rows with plain SQL.</summary>
internal static class FilledStore
{
    /// <summary>A generated export with companies and events, a lead with an unknown column, point and model scores, four model versions (one of them an account's own) and a promotion history with a rollback, API keys and jobs in every state a job row can hold, the queued one with its upload's files.</summary>
    public static async Task FillEveryTableAsync(TestStore test, int leads = 300)
    {
        var generated = test.Folder("generated");
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = leads, Seed = 11 });
        await new GeneratedExportWriter().WriteAsync(export, generated, progress: null, CancellationToken.None);
        (await test.ImportAsync(generated)).AssertSucceeded();
        (await test.ImportCompaniesAsync(Path.Combine(generated, CompaniesTable.Instance.FileName))).AssertSucceeded();
        (await test.ImportEventsAsync(Path.Combine(generated, EventsTable.Instance.FileName))).AssertSucceeded();

        var store = test.Store;
        var first = await store.SaveModelAsync(ModelKinds.Conversion, TestTime.Base, "LightGbm AUC 0.74", """{"auc": 0.74, "features": ["title"]}""", Encoding.UTF8.GetBytes("model one"), CancellationToken.None);
        var hazard = await store.SaveModelAsync(ModelKinds.Hazard, TestTime.Base.AddMinutes(1), "hazard", "{}", new byte[] { 0, 1, 2, 255 }, CancellationToken.None);
        var second = await store.SaveModelAsync(ModelKinds.Conversion, TestTime.Base.AddDays(1), "FastTree AUC 0.76", """{"auc":0.76}""", Encoding.UTF8.GetBytes("model two"), CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, first.Version, TestTime.Base.AddHours(1)), CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Hazard, hazard.Version, TestTime.Base.AddHours(2)), CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, second.Version, TestTime.Base.AddDays(2)), CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, first.Version, TestTime.Base.AddDays(3)), CancellationToken.None);

        // One account's own model (train --account), promoted for that account alone.
        var account = (await store.ReadUsersAsync(CancellationToken.None).FirstAsync()).Id;
        var own = await store.SaveModelAsync(ModelKinds.Conversion, account, TestTime.Base.AddDays(5), "account model", "{}", Encoding.UTF8.GetBytes("model of one account"), CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, own.Version, TestTime.Base.AddDays(6)), CancellationToken.None);

        var leadIds = new List<LeadId>();
        await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
        {
            leadIds.Add(lead.Id);
        }

        await using var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None);
        var withExtra = (await store.FindLeadAsync(leadIds[0], CancellationToken.None))! with
        {
            Extra = ExtraFields.From([new("crm_owner", "Ana Müller"), new("deal_size", null)]),
        };
        await writer.UpsertAsync(withExtra, CancellationToken.None);
        await writer.AddExtraColumnsAsync(StoreTable.Leads, ["crm_owner", "deal_size"], CancellationToken.None);
        foreach (var (id, index) in leadIds.Take(60).Select((id, index) => (id, index)))
        {
            await writer.UpsertAsync(
                new LeadScoreBuilder().OfLead(id.Value).Graded(index % 3 == 0 ? "A" : "C")
                    .WithHit("title-c-level", ScoringModel.Demographics, 10 + (index / 7.0), "title is C-level")
                    .WithHit("pricing-views", ScoringModel.Website, 0.1 * index, "pricing page views", rawPoints: index).Build(),
                CancellationToken.None);
            await writer.UpsertAsync(new ModelScore(id, first.Version, index / 61.0, index, index > 40 ? "A" : "B", TestTime.Base.AddDays(4)), CancellationToken.None);
        }

        await writer.CommitAsync(CancellationToken.None);

        // Two API keys, one bound to an account and one revoked: a copy must keep both working (same ids, hashes,
        // account, revocation).
        await store.CreateApiKeyAsync("crm", export.Users[0].Id, TestTime.Base, Leadwise.Core.Access.ApiKeySecret.Hash(Leadwise.Core.Access.ApiKeySecret.Generate()), CancellationToken.None);
        var old = await store.CreateApiKeyAsync("old", null, TestTime.Base.AddHours(1), Leadwise.Core.Access.ApiKeySecret.Hash(Leadwise.Core.Access.ApiKeySecret.Generate()), CancellationToken.None);
        await store.RevokeApiKeyAsync(old.Id, TestTime.Base.AddDays(1), CancellationToken.None);

        // Three jobs: one waiting, one running under a lease with progress, one failed with error lines (quotes,
        // umlauts and a line break in a reported value), so a copy must keep every column of the jobs table.
        // The queued one holds its upload: a small file and one spanning two chunks, which a copy must keep byte for byte.
        using (var users = new MemoryStream(Encoding.UTF8.GetBytes("id,firstName\n1,Jörg\n")))
        using (var records = new MemoryStream([.. Enumerable.Range(0, JobFileChunk.MaxBytes + 1_000).Select(i => (byte)(i * 31))]))
        {
            await store.CreateJobAsync(
                Job.Queued("job-queued", JobKinds.Import, TestTime.Base, """{"skipBadRows":false,"maxErrors":100}"""),
                [new JobFileUpload("Users.csv", users), new JobFileUpload("Records.csv", records)],
                CancellationToken.None);
        }

        await store.CreateJobAsync(Job.Queued("job-running", JobKinds.Import, TestTime.Base.AddMinutes(1), """{"skipBadRows":true,"maxErrors":5}"""), CancellationToken.None);
        var lease = new JobLease("node-a", TestTime.Base.AddMinutes(3));
        await store.StartJobAsync("job-running", lease, TestTime.Base.AddMinutes(2), CancellationToken.None);
        await store.RenewJobAsync("job-running", lease, new ProgressUpdate("Leads.csv", 1_234, 56_789), CancellationToken.None);
        await store.CreateJobAsync(Job.Queued("job-failed", JobKinds.Import, TestTime.Base.AddMinutes(1), "{}"), CancellationToken.None);
        await store.StartJobAsync("job-failed", new JobLease("node-b", TestTime.Base.AddMinutes(9)), TestTime.Base.AddMinutes(2), CancellationToken.None);
        await store.FinishJobAsync("job-failed", "node-b", JobStates.Failed, TestTime.Base.AddMinutes(4), """{"committed":false}""",
            ["Leads.csv:2:190: column \"replied\": expected t or f, got \"jä\nnein\"", "Leads.csv:3:25: campaign 999"], CancellationToken.None);
    }

    /// <summary>The tables the store's schema holds, read from the database catalogue (not through the store).</summary>
    public static async Task<IReadOnlyList<string>> ReadTableNamesAsync(TestStore test)
    {
        var names = StoreLocation.IsPostgres(test.Location)
            ? await QueryPostgresAsync(test.Location, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", r => r.GetString(0))
            : await QuerySqliteAsync(test.Location, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0));
        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary><c>count(*)</c> of each table in <see cref="StoreTableNames.All"/>, by plain SQL.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(TestStore test)
    {
        var counts = new List<(string, long)>();
        foreach (var table in StoreTableNames.All)
        {
            var sql = $"SELECT count(*) FROM {table}";
            var rows = StoreLocation.IsPostgres(test.Location)
                ? (await QueryPostgresAsync(test.Location, sql, r => r.GetInt64(0)))[0]
                : (await QuerySqliteAsync(test.Location, sql, r => r.GetInt64(0)))[0];
            counts.Add((table, rows));
        }

        return counts;
    }

    private static async Task<List<T>> QueryPostgresAsync<T>(string location, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<List<T>> QuerySqliteAsync<T>(string location, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={location};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
