using System.Globalization;
using Leadwise.Learning.Tables;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Tables;

public sealed class TableTrainingTests
{
    /// <summary>
    /// A lead table with a real signal (score, region), a date in row order and optionally a planted leak:
    /// a copy of the label with 3% of it flipped, under an innocent name.
    /// </summary>
    internal static DelimitedTable Synthetic(int n, bool plantLeak, int seed = 5)
    {
        var random = new Random(seed);
        var score = new string[n];
        var region = new string[n];
        var created = new string[n];
        var leak = new string[n];
        var converted = new string[n];
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < n; i++)
        {
            var x = random.NextDouble();
            var r = random.Next(3);
            var y = random.NextDouble() < 1 / (1 + Math.Exp(-((3 * x) + (r == 2 ? 1 : 0) - 3)));
            score[i] = x.ToString("F4", CultureInfo.InvariantCulture);
            region[i] = r switch { 0 => "north", 1 => "south", _ => "east" };
            created[i] = start.AddHours(i).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            leak[i] = (y ^ (random.NextDouble() < 0.03)) ? "high" : "low";
            converted[i] = y ? "won" : "lost";
        }

        return plantLeak
            ? new DelimitedTable("leads.csv", ',', ["score", "region", "created", "engagement_level", "result_flag"], [score, region, created, leak, converted])
            : new DelimitedTable("leads.csv", ',', ["score", "region", "created", "result_flag"], [score, region, created, converted]);
    }

    [Fact]
    public void Run_PlantedLeak_IsFlaggedWithItsAuc_Dropped_AndItsInflationShown()
    {
        // Given
        var table = Synthetic(3000, plantLeak: true);

        // When
        var report = new TableTraining(new TableTrainingOptions { Label = "result_flag", Trainers = [TrainerKind.LogisticRegression] }).Run(table);

        // Then
        Assert.Equal("won", report.Label.Positive);
        Assert.Equal(["engagement_level"], report.LeakyColumns);
        var finding = report.Leakage.Single(f => f.Column == "engagement_level");
        Assert.InRange(finding.Auc, 0.95, 1.0);
        Assert.True(report.LeakyDropped);
        var column = report.Columns.Single(c => c.Column == "engagement_level");
        Assert.False(column.Kept);
        Assert.StartsWith("leaky: alone it reaches AUC 0.9", column.Reason, StringComparison.Ordinal);

        var honest = report.Training.Trainers.Single().Metrics.RocAuc;
        Assert.InRange(honest, 0.65, 0.85);
        Assert.NotNull(report.Other);
        Assert.True(report.Other.Metrics.RocAuc > 0.95, $"with the leak {report.Other.Metrics.RocAuc}");
        Assert.All(report.Leakage.Where(f => f.Column != "engagement_level"), f => Assert.Equal(LeakageVerdict.Clean, f.Verdict));
    }

    [Fact]
    public void Run_AllowLeaky_KeepsTheColumn_AndShowsTheMetricsWithoutIt()
    {
        var table = Synthetic(3000, plantLeak: true);

        var report = new TableTraining(new TableTrainingOptions
        {
            Label = "result_flag",
            AllowLeaky = true,
            Trainers = [TrainerKind.LogisticRegression],
        }).Run(table);

        Assert.False(report.LeakyDropped);
        Assert.True(report.Columns.Single(c => c.Column == "engagement_level").Kept);
        Assert.True(report.Training.Trainers[0].Metrics.RocAuc > 0.95);
        Assert.InRange(report.Other!.Metrics.RocAuc, 0.65, 0.85);
    }

    [Fact]
    public void Run_LeakThreshold_IsConfigurable()
    {
        var table = Synthetic(3000, plantLeak: true);

        var report = new TableTraining(new TableTrainingOptions
        {
            Label = "result_flag",
            LeakAuc = 0.999,
            Trainers = [TrainerKind.LogisticRegression],
        }).Run(table);

        Assert.Empty(report.LeakyColumns);
        Assert.Null(report.Other);
    }

    [Fact]
    public void Run_TimeSplit_TrainsOnTheOldestEightyPercent_AndTestsOnTheNewest()
    {
        // Given: rows are in time order, but shuffled in the file
        var ordered = Synthetic(2000, plantLeak: false);
        var shuffle = Enumerable.Range(0, ordered.RowCount).ToArray();
        new Random(3).Shuffle(shuffle);
        var table = new DelimitedTable("leads.csv", ',', ordered.Names,
            [.. Enumerable.Range(0, ordered.ColumnCount).Select(c => shuffle.Select(r => ordered.Column(c)[r]).ToArray())]);

        // When
        var report = new TableTraining(new TableTrainingOptions
        {
            Label = "result_flag",
            TimeColumn = "created",
            Trainers = [TrainerKind.LogisticRegression],
        }).Run(table);

        // Then
        var split = report.TimeSplit;
        Assert.NotNull(split);
        Assert.Equal((1600, 400, 0), (split.TrainRows, split.TestRows, split.RowsWithoutTime));
        Assert.Equal(ordered.Column("created")[1600], split.TestFrom);
        Assert.Equal(ordered.Column("result_flag").Skip(1600).Count(v => v == "won"), split.TestPositives);
        Assert.InRange(split.Trainers.Single().Metrics.RocAuc, 0.65, 0.85);
        Assert.Equal("time column (orders the time split)", report.Columns.Single(c => c.Column == "created").Reason);
    }

    [Fact]
    public void Run_UnknownDropOrTimeColumn_ListsTheColumns()
    {
        var table = Synthetic(200, plantLeak: false);

        var drop = Assert.Throws<TableDataException>(() => new TableTraining(new TableTrainingOptions { Label = "result_flag", Drop = ["scroe"] }).Run(table));
        var time = Assert.Throws<TableDataException>(() => new TableTraining(new TableTrainingOptions { Label = "result_flag", TimeColumn = "when" }).Run(table));

        Assert.Equal("leads.csv: cannot drop \"scroe\": no such column; columns are score, region, created, result_flag.", drop.Message);
        Assert.Contains("no time column \"when\"", time.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BankMarketing_FlagsOnlyDuration_AndReachesAPlausibleAucWithoutIt()
    {
        // Given
        var table = await BankMarketing.ReadAsync();

        // When
        var report = new TableTraining(new TableTrainingOptions { Label = "y", Trainers = [TrainerKind.LightGbm] }).Run(table);

        // Then
        Assert.Equal("yes", report.Label.Positive);
        Assert.Equal((41188, 4640), (report.Training.Rows, report.Training.Positives));
        Assert.Equal(["duration"], report.LeakyColumns);
        Assert.Equal(["duration"], report.Leakage.Where(f => f.Verdict == LeakageVerdict.Leaky).Select(f => f.Column));
        var lightGbm = report.Training.Trainers.Single();
        Assert.InRange(lightGbm.Metrics.RocAuc, 0.78, 0.81);
        Assert.InRange(lightGbm.Metrics.RocAuc, lightGbm.Intervals!.RocAuc.Low, lightGbm.Intervals.RocAuc.High);
        Assert.True(report.Other!.Metrics.RocAuc > 0.9, $"with duration {report.Other.Metrics.RocAuc}");

        var pdays = report.Columns.Single(c => c.Column == "pdays");
        Assert.Equal(["pdays", "pdays=999"], pdays.Features);
        Assert.Contains(report.Columns, c => c.Column == "default" && c.Role == ColumnRole.Boolean && c.Kept);
        Assert.Equal(41188, report.Folds.Count);
        Assert.Equal(5, report.Folds.Distinct().Count());
    }
}
