using System.Diagnostics;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;

var folder = args[0];
var sw = Stopwatch.StartNew();
var leads = new List<Lead>();
var reader = new CsvTableReader<Lead>(LeadsTable.Instance, Path.Combine(folder, "Leads.csv"));
foreach (var row in reader.Read(CancellationToken.None)) { leads.Add(row.Row!); }
Console.WriteLine($"parse leads: {leads.Count} in {sw.Elapsed.TotalSeconds:F2}s");
File.Delete("/tmp/exp.db");
await using var store = await SqliteLeadwiseStore.OpenAsync("/tmp/exp.db", CancellationToken.None);
var w = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None);
sw.Restart();
foreach (var l in leads) await w.UpsertAsync(l, CancellationToken.None);
Console.WriteLine($"upsert leads: {sw.Elapsed.TotalSeconds:F2}s");
sw.Restart();
await w.CommitAsync(CancellationToken.None);
Console.WriteLine($"commit: {sw.Elapsed.TotalSeconds:F2}s");
await w.DisposeAsync();
