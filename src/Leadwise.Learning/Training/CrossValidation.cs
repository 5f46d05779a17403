using Leadwise.Learning.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

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
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ml = new MLContext(seed: seed + fold);
            var current = fold;
            var train = TrainingData.Load(ml, data.Select(i => assignment[i] != current), data.FeatureNames.Count);
            var model = Trainers.Create(ml, kind).Fit(train);
            var validationRows = Enumerable.Range(0, labels.Length).Where(i => assignment[i] == current).ToArray();
            var scored = model.Transform(TrainingData.Load(ml, validationRows.Select(i => new BinaryRow { Features = data.Rows[i], Label = labels[i] }), data.FeatureNames.Count));
            var probabilities = scored.GetColumn<float>("Probability").ToArray();
            for (var k = 0; k < validationRows.Length; k++)
            {
                outOfFold[validationRows[k]] = probabilities[k];
            }
        }

        return new CrossValidationResult(kind, outOfFold, labels, BinaryMetrics.Compute(outOfFold, labels));
    }
}
