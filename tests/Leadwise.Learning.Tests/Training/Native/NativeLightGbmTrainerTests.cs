using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Tables;
using Leadwise.Learning.Tests.Support;
using Leadwise.Learning.Tests.Tables;
using Leadwise.Learning.Training;
using Leadwise.Learning.Training.Native;

namespace Leadwise.Learning.Tests.Training.Native;

/// <summary>
/// Cross-validation fits LightGBM through its C API and scores the matrix itself; the reference is the path it replaced,
/// ML.NET's trainer on a data view and its Probability column (<see cref="HoldOut.ThroughMlNet"/>), given the same seed.
/// </summary>
public sealed class NativeLightGbmTrainerTests
{
    [Fact]
    public async Task Should_give_the_same_out_of_fold_probabilities_as_MlNet_on_bank_marketing()
    {
        // Given: bank marketing without duration, as `leadwise train --csv` builds it (pdays' 999 as missing)
        var table = await BankMarketing.ReadAsync();
        var label = TableLabel.Resolve(table, "y", null);
        var profiles = ColumnRoleInference.Profile(table, "y");
        var data = TableFeatureBuilder.Build(table, profiles, label, new Dictionary<string, string>(StringComparer.Ordinal) { ["duration"] = "dropped" }).Data;
        Assert.Contains(data.Rows, row => row.Any(float.IsNaN));

        // When / Then
        AssertSameOutOfFold(data, folds: 5, seed: 0);
    }

    [Fact]
    public void Should_give_the_same_out_of_fold_probabilities_as_MlNet_on_store_leads_refitted_per_fold()
    {
        // Given: generated leads encoded as `leadwise train` on the store does, the encoder refitted on each fold's rows
        var leads = GeneratedLeads.Get(6_000, 7);
        var (_, data) = FeatureSelection.Encode(leads.Invited, leads.Replied, new LeadFeatureOptions { TitleWords = true });
        Assert.NotNull(data.RefitOn);

        // When / Then
        AssertSameOutOfFold(data, folds: 3, seed: 4);
    }

    [Fact]
    public void Should_route_missing_values_as_MlNet_does_when_only_some_rows_miss_a_feature_and_one_feature_is_never_present()
    {
        // Given: a signal in a feature missing in a third of the rows (missingness itself is informative), and a column nobody has
        var random = new Random(21);
        var rows = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 2_000; i++)
        {
            var x = (float)random.NextDouble();
            var missing = random.NextDouble() < 0.33;
            var p = missing ? 0.6 : 1 / (1 + Math.Exp(-((5 * x) - 3)));
            rows.Add([missing ? float.NaN : x, (float)random.NextDouble(), float.NaN]);
            labels.Add(random.NextDouble() < p);
        }

        var data = new FeatureMatrix(["x", "noise", "absent"], rows, labels);

        // When / Then
        AssertSameOutOfFold(data, folds: 4, seed: 9);
    }

    [Fact]
    public void Should_refuse_model_text_that_holds_no_tree()
    {
        // Given: LightGBM's model text cut off before its first tree
        const string header = "tree\nversion=v4\nnum_class=1\nmax_feature_idx=0\n";

        // When
        var error = Record.Exception(() => NativeLightGbmModel.Parse(header, width: 1));

        // Then
        Assert.IsType<FormatException>(error);
        Assert.Contains("no tree", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameOutOfFold(FeatureMatrix data, int folds, int seed)
    {
        var run = new CrossValidation(folds, seed).Run(data, TrainerKind.LightGbm);

        var labels = data.Labels.ToArray();
        var assignment = StratifiedFolds.Assign(labels, folds, seed);
        var reference = new double[labels.Length];
        for (var fold = 0; fold < folds; fold++)
        {
            var trainRows = Enumerable.Range(0, labels.Length).Where(i => assignment[i] != fold).ToArray();
            var validationRows = Enumerable.Range(0, labels.Length).Where(i => assignment[i] == fold).ToArray();
            var probabilities = HoldOut.ThroughMlNet(data.FittedOn(trainRows), trainRows, validationRows, TrainerKind.LightGbm, seed + fold);
            for (var k = 0; k < validationRows.Length; k++)
            {
                reference[validationRows[k]] = probabilities[k];
            }
        }

        Assert.Equal(labels.Length, run.OutOfFold.Count);
        Assert.True(reference.Distinct().Count() > 50, "the reference should spread its probabilities");
        var differing = Enumerable.Range(0, labels.Length).Where(i => run.OutOfFold[i] != reference[i]).ToList();
        Assert.True(differing.Count == 0,
            $"{differing.Count} of {labels.Length} rows differ, e.g. row {differing.FirstOrDefault()}: {run.OutOfFold[differing.FirstOrDefault()]:R} vs ML.NET's {reference[differing.FirstOrDefault()]:R}");
    }
}
