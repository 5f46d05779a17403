using Leadwise.Learning.Model;
using Leadwise.Learning.Training;
using Leadwise.Learning.Tests.Support;
using Leadwise.Scoring.Signals;

namespace Leadwise.Learning.Tests.Model;

/// <summary>One trained model shared by the tests: training takes seconds, the assertions are about what it produces.</summary>
public sealed class TrainedModelFixture
{
    public TrainedModelFixture()
    {
        var generated = GeneratedLeads.Get(8_000, seed: 7);
        Leads = [.. generated.Invited.Zip(generated.Replied, (facts, replied) => (facts, replied))];
        Trained = ConversionModelTrainer.Train(
            [.. Leads.Select(l => l.Facts)],
            [.. Leads.Select(l => l.Replied)],
            new ConversionTrainingOptions(Folds: 3, Seed: 11, Trainers: [TrainerKind.LogisticRegression, TrainerKind.LightGbm]),
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    }

    public IReadOnlyList<(Leadwise.Learning.Features.PreContactFacts Facts, bool Replied)> Leads { get; }

    public TrainedConversionModel Trained { get; }
}

public sealed class ConversionModelTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private ConversionModel Model => fixture.Trained.Model;

    [Fact]
    public void Card_RecordsTheChosenTrainer_ItsHeldOutMetrics_AndTheData()
    {
        var report = fixture.Trained.Report;
        var card = Model.Card;

        Assert.Equal(report.Chosen.ToString(), card.Trainer);
        Assert.Equal(report.CalibratedMetrics.RocAuc, card.Metrics.RocAuc);
        Assert.InRange(card.Metrics.RocAuc, 0.65, 0.9);
        Assert.True(card.Metrics.RocAucLow < card.Metrics.RocAuc && card.Metrics.RocAuc < card.Metrics.RocAucHigh);
        Assert.Equal((fixture.Leads.Count, fixture.Leads.Count(l => l.Replied)), (card.Rows, card.Positives));
        Assert.Equal(2, card.Trainers.Count);
        Assert.Equal(16, card.DataFingerprint.Length);
        Assert.Equal(fixture.Leads.Count, Model.HeldOutProbabilities.Count);
        Assert.Equal(fixture.Leads.Select(l => l.Facts.LeadId), Model.HeldOutLeads);
        Assert.Equal(report.Trainers.Select(t => t.Metrics), card.Trainers.Select(t => t.Metrics));
    }

    [Fact]
    public void Card_RanksTheGeneratorsStrongestCauseAmongTheMostImportantFeatures()
    {
        var importance = Model.Card.Importance;

        Assert.Equal(Leadwise.Learning.Features.FeatureGroup.ByName(Model.Card.FeatureNames).Count, importance.Count);
        Assert.True(importance.Take(5).Any(i => i.Group == "seniority"), string.Join(", ", importance.Select(i => $"{i.Group} {i.MeanAucDrop:F3}")));
        Assert.True(importance[0].MeanAucDrop > 0.01);
    }

    [Fact]
    public void SavedAndLoaded_PredictsExactlyTheSame()
    {
        var loaded = ConversionModel.FromBytes(Model.ToBytes());
        var sample = fixture.Leads.Take(200).Select(l => Model.Encoder.Encode(l.Facts)).ToList();

        Assert.Equal(Model.PredictProbabilities(sample), loaded.PredictProbabilities(sample));
        Assert.Equal(Model.Card.Summary, loaded.Card.Summary);
        Assert.Equal(Model.Card.Bands, loaded.Card.Bands);
        Assert.Equal(Model.HeldOutLabels, loaded.HeldOutLabels);
        Assert.Equal(Model.Card.Drift.Probability.UpperEdges, loaded.Card.Drift.Probability.UpperEdges);
        Assert.Equal(Model.Card.Trainers.Select(t => t.Metrics.LogLoss), loaded.Card.Trainers.Select(t => t.Metrics.LogLoss));
        Assert.Equal(Model.HeldOutLeads, loaded.HeldOutLeads);
    }

    [Fact]
    public void Training_IsDeterministicForASeed()
    {
        var again = ConversionModelTrainer.Train(
            [.. fixture.Leads.Select(l => l.Facts)],
            [.. fixture.Leads.Select(l => l.Replied)],
            new ConversionTrainingOptions(Folds: 3, Seed: 11, Trainers: [TrainerKind.LogisticRegression, TrainerKind.LightGbm]),
            Model.Card.TrainedAt);
        var sample = fixture.Leads.Take(100).Select(l => Model.Encoder.Encode(l.Facts)).ToList();

        Assert.Equal(Model.Card.DataFingerprint, again.Model.Card.DataFingerprint);
        Assert.Equal(Model.PredictProbabilities(sample), again.Model.PredictProbabilities(sample));
    }

    [Fact]
    public void Grades_FollowTheBands_AndSplitHeldOutLeadsTenTwentyThirtyForty()
    {
        var grades = Model.HeldOutProbabilities.Select(p => Model.ToPrediction(p).Grade).ToList();
        double Share(string grade) => grades.Count(g => g == grade) / (double)grades.Count;

        Assert.InRange(Share("A"), 0.09, 0.13);
        Assert.InRange(Share("A") + Share("B"), 0.29, 0.34);
        Assert.InRange(Share("A") + Share("B") + Share("C"), 0.59, 0.65);
        var a = fixture.Leads.Select(l => Model.Predict(l.Facts)).Where(p => p.Grade == "A").ToList();
        Assert.All(a, p => Assert.True(p.Probability >= Model.Card.Bands.A));
        Assert.All(a, p => Assert.Equal((int)Math.Round(100 * p.Probability, MidpointRounding.AwayFromZero), p.Score));
    }

    [Fact]
    public void Explain_FindsTheGeneratorsSeniorityEffect_InTheRightDirection()
    {
        // The generator's true effects: students reply most, executives least (TrueModelParameters.SeniorityEffects).
        double MeanSeniorityPoints(Seniority seniority) => fixture.Leads
            .Where(l => TitleSeniority.Classify(l.Facts.Title) == seniority)
            .Take(150)
            .Select(l => Model.Explain(l.Facts, top: 50).SingleOrDefault(f => f.Feature == "seniority")?.Points ?? 0)
            .Average();

        var students = MeanSeniorityPoints(Seniority.Student);
        var executives = MeanSeniorityPoints(Seniority.Executive);

        Assert.True(students > executives + 1, $"students {students:F2} pts, executives {executives:F2} pts");
    }

    [Fact]
    public void Explain_PointsAreTheProbabilityChangeOfSettingTheGroupToTheTypicalValue()
    {
        var lead = fixture.Leads.First(l => Model.Explain(l.Facts).Count >= 2).Facts;
        var factors = Model.Explain(lead);
        var row = Model.Encoder.Encode(lead);
        var top = factors[0];
        var group = Model.Card.Groups.Single(g => g.Name == top.Feature);
        var typical = (float[])row.Clone();
        foreach (var column in group.Columns)
        {
            typical[column] = Model.Card.Reference[column];
        }

        var probabilities = Model.PredictProbabilities([row, typical]);
        Assert.Equal(100 * (probabilities[0] - probabilities[1]), top.Points, precision: 9);
        Assert.NotEqual(top.Value, top.Typical);
        Assert.True(factors.Zip(factors.Skip(1)).All(p => Math.Abs(p.First.Points) >= Math.Abs(p.Second.Points)));
    }

    [Fact]
    public void Drift_IsNearZeroOnTheTrainingLeads_AndFlagsAShiftedPopulation()
    {
        var card = Model.Card;
        var all = fixture.Leads.Select(l => Model.Encoder.Encode(l.Facts)).ToList();
        var same = card.Drift.Compare(card.Groups, all, Model.PredictProbabilities(all));
        var german = fixture.Leads.Where(l => l.Facts.Country is "Germany" or "Deutschland").Select(l => Model.Encoder.Encode(l.Facts)).ToList();
        var shifted = card.Drift.Compare(card.Groups, german, Model.PredictProbabilities(german));

        Assert.All(same.Features, f => Assert.True(f.Psi < 0.01, $"{f.Feature} {f.Psi}"));
        Assert.True(same.ProbabilityPsi < 0.01);
        Assert.True(german.Count > 200);
        Assert.Equal("country", shifted.Features[0].Feature);
        Assert.True(shifted.Features[0].Shifted);
    }
}
