using Leadwise.Core.Models;
using Leadwise.Data.Sqlite;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Leadwise.Recommend.Tests.Support;
using Leadwise.Testing;

namespace Leadwise.Recommend.Tests.Registry;

public sealed class HazardModelRegistryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Saved_versions_are_of_kind_hazard_and_the_promoted_one_loads_and_predicts_the_same()
    {
        var generated = GeneratedOutreach.Get(4_000, 7);
        var data = HazardRows.Build(generated.Leads, generated.Messages);
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 2, Folds = 3 });
        await using var store = await SqliteLeadwiseStore.OpenAsync(_folder.File("leadwise.db"), CancellationToken.None);
        var registry = new HazardModelRegistry(store, TimeProvider.System);
        var conversions = new ConversionModelRegistry(store, TimeProvider.System);

        Assert.Null(await registry.LoadPromotedAsync(CancellationToken.None));
        var saved = await registry.SaveAsync(model, CancellationToken.None);
        Assert.Equal(ModelKinds.Hazard, saved.Kind);
        Assert.Contains("reply hazard", saved.Summary, StringComparison.Ordinal);
        Assert.Contains("AUC 0.", saved.Summary, StringComparison.Ordinal);
        Assert.Contains("\"Hazard\"", saved.MetadataJson, StringComparison.Ordinal);
        Assert.Equal([saved.Version], (await registry.ListAsync(CancellationToken.None)).Select(v => v.Version));
        Assert.Empty(await conversions.ListAsync(CancellationToken.None));

        await registry.PromoteAsync(saved.Version, CancellationToken.None);
        var promoted = await registry.LoadPromotedAsync(CancellationToken.None);
        Assert.NotNull(promoted);
        Assert.Equal(saved.Version, promoted.Value.Version);
        var lead = data.Leads.Values.First();
        var message = generated.Messages.Values.SelectMany(m => m).First(m => m.Order == 1);
        Assert.Equal(model.Hazard(lead, message, 1), promoted.Value.Model.Hazard(lead, message, 1), 6);

        // Kinds stay apart: a hazard version is no conversion model, and conversion has nothing promoted.
        var wrongKind = await Assert.ThrowsAsync<ModelRegistryException>(() => conversions.PromoteAsync(saved.Version, CancellationToken.None));
        Assert.Contains("no conversion model version", wrongKind.Message, StringComparison.Ordinal);
        Assert.Null((await conversions.HistoryAsync(CancellationToken.None)).Current);
        var unknown = await Assert.ThrowsAsync<ModelRegistryException>(() => registry.LoadAsync(99, CancellationToken.None));
        Assert.Contains("no hazard model version 99", unknown.Message, StringComparison.Ordinal);
    }
}
