using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>
/// Stratified, seeded k-fold cross-validation of one trainer: every row gets a prediction from a model
/// that never saw it (out-of-fold), which is what metrics, model selection and calibration are fitted on.
/// </summary>
public sealed class CrossValidation(int folds = 5, int seed = 0)
{
    public CrossValidationResult Run(FeatureMatrix data, TrainerKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = data.Labels.ToArray();
        var assignment = StratifiedFolds.Assign(labels, folds, seed);
        var outOfFold = new double[labels.Length];
        // Folds are independent (own rows, own seeded MLContext), so fitting them side by side gives the same
        // predictions as one after another; each writes only its own validation rows.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, folds, parallel, fold =>
        {
            var trainRows = Enumerable.Range(0, labels.Length).Where(i => assignment[i] != fold).ToArray();
            var validationRows = Enumerable.Range(0, labels.Length).Where(i => assignment[i] == fold).ToArray();
            var probabilities = HoldOut.FitAndPredict(data.FittedOn(trainRows), trainRows, validationRows, kind, seed + fold);
            for (var k = 0; k < validationRows.Length; k++)
            {
                outOfFold[validationRows[k]] = probabilities[k];
            }
        });

        return new CrossValidationResult(kind, outOfFold, labels, BinaryMetrics.Compute(outOfFold, labels));
    }
}
