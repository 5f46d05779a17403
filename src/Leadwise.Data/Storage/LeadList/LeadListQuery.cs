using Leadwise.Core.Outreach;

namespace Leadwise.Data.Storage.LeadList;

/// <summary>
/// Which leads a ranked lead list shows and in what order. Every filter is optional; all given filters must hold.
/// The grade, the score range and the order all use the same score, chosen by <see cref="Basis"/>.
/// </summary>
public sealed record LeadListQuery
{
    /// <summary>The most leads one page may hold; larger limits are refused, not silently cut.</summary>
    public const int MaxLimit = 200;

    /// <summary>Only leads of campaigns this account (user) owns; every account's when null (an install-wide caller).</summary>
    public UserId? Account { get; init; }

    /// <summary>Only leads of this campaign.</summary>
    public CampaignId? Campaign { get; init; }

    /// <summary>
    /// Words that must each occur, case-insensitively, in the lead's first name, last name, full name, company or
    /// title (any of them). SQLite folds only ASCII letters' case; PostgreSQL folds all.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>The score that <see cref="Grades"/>, <see cref="MinScore"/>, <see cref="MaxScore"/> and the order use.</summary>
    public LeadListBasis Basis { get; init; } = LeadListBasis.Ranked;

    /// <summary>Only leads whose grade (on <see cref="Basis"/>) is one of these; empty means any grade.</summary>
    public IReadOnlyList<string> Grades { get; init; } = [];

    /// <summary>Only leads whose score on <see cref="Basis"/> is at least this (leads without one are left out).</summary>
    public double? MinScore { get; init; }

    /// <summary>Only leads whose score on <see cref="Basis"/> is at most this (leads without one are left out).</summary>
    public double? MaxScore { get; init; }

    /// <summary>Only leads with a model score (0–100) of at least this.</summary>
    public int? MinModelScore { get; init; }

    /// <summary>Only leads with a model score (0–100) of at most this.</summary>
    public int? MaxModelScore { get; init; }

    /// <summary>Lowest score first; highest first otherwise. Leads without a score come last either way; ties go by lead id.</summary>
    public bool Ascending { get; init; }

    /// <summary>How many leads of the ordered list to skip.</summary>
    public int Offset { get; init; }

    /// <summary>How many leads to return, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The words of <see cref="Text"/>, split on white space.</summary>
    public IReadOnlyList<string> Words =>
        Text is null ? [] : Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Throws when the query cannot be run as given (a negative offset, a limit out of range, a reversed range).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
        if (MinScore > MaxScore || MinModelScore > MaxModelScore)
        {
            throw new ArgumentException("A score range's minimum is above its maximum.");
        }

        if (MinScore is { } min && !double.IsFinite(min) || MaxScore is { } max && !double.IsFinite(max))
        {
            throw new ArgumentException("Score bounds must be finite numbers.");
        }
    }
}
