namespace Leadwise.Scoring.Engine;

/// <summary>
/// Maps a total to a grade: the first threshold (highest minimum first) whose minimum the total reaches,
/// else the bottom grade. Default: A ≥ 80, B ≥ 60, C ≥ 40, D below.
/// </summary>
public sealed class GradeScale
{
    public static readonly GradeScale Default = new(
    [
        new GradeThreshold("A", 80),
        new GradeThreshold("B", 60),
        new GradeThreshold("C", 40),
        new GradeThreshold("D", null),
    ]);

    private readonly string[] _grades;
    private readonly double[] _mins;
    private readonly string _bottom;

    /// <param name="thresholds">Strictly descending minimums, the last one (the bottom grade) without a minimum.</param>
    public GradeScale(IReadOnlyList<GradeThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count == 0 || thresholds[^1].Min is not null)
        {
            throw new ArgumentException("The last grade must have no minimum (it takes every lower total).", nameof(thresholds));
        }

        _grades = new string[thresholds.Count - 1];
        _mins = new double[thresholds.Count - 1];
        for (var i = 0; i < thresholds.Count - 1; i++)
        {
            var min = thresholds[i].Min ?? throw new ArgumentException($"Grade \"{thresholds[i].Grade}\" needs a minimum.", nameof(thresholds));
            if (i > 0 && min >= _mins[i - 1])
            {
                throw new ArgumentException("Grade minimums must be strictly descending.", nameof(thresholds));
            }

            _grades[i] = thresholds[i].Grade;
            _mins[i] = min;
        }

        _bottom = thresholds[^1].Grade;
        Thresholds = thresholds;
    }

    public IReadOnlyList<GradeThreshold> Thresholds { get; }

    /// <summary>The grade of <paramref name="total"/>: 80 → A, 79.999 → B with the default scale.</summary>
    public string Of(double total)
    {
        for (var i = 0; i < _mins.Length; i++)
        {
            if (total >= _mins[i])
            {
                return _grades[i];
            }
        }

        return _bottom;
    }
}
