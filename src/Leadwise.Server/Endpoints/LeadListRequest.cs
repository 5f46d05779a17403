using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage.LeadList;
using Microsoft.Extensions.Primitives;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// The lead list's query string, read strictly: every problem is reported against the parameter at fault, and
/// parameters the list does not know are refused (a misspelt <c>minscore</c> would otherwise silently filter nothing).
/// Shared by <c>GET /api/leads</c> and the dashboard's list, so both accept exactly the same filters.
/// </summary>
internal sealed class LeadListRequest
{
    public const int DefaultPageSize = 50;

    /// <summary>Deep pages cost a scan of everything before them; nobody pages this far by hand.</summary>
    public const int MaxPage = 10_000;

    private const int MaxTextLength = 200;

    /// <summary>Every parameter the list takes, as the OpenAPI document names them.</summary>
    public static readonly IReadOnlyList<string> Known = ["campaign", "grade", "minScore", "maxScore", "minModelScore", "maxModelScore", "q", "sort", "page", "pageSize"];

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    private LeadListRequest()
    {
    }

    /// <summary>The store query, meaningful only when <see cref="Errors"/> is empty.</summary>
    public LeadListQuery Query { get; private set; } = new();

    /// <summary>1-based page number.</summary>
    public int Page { get; private set; } = 1;

    public int PageSize { get; private set; } = DefaultPageSize;

    /// <summary>The sort as given, normalised: <c>score</c>, <c>points</c>, <c>score:asc</c> or <c>points:asc</c>.</summary>
    public string Sort { get; private set; } = "score";

    /// <summary>Messages per parameter name, as <c>Results.ValidationProblem</c> takes them.</summary>
    public IDictionary<string, string[]> Errors => _errors;

    public static LeadListRequest Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new LeadListRequest();
        request.Read(query);
        return request;
    }

    private void Read(IQueryCollection query)
    {
        foreach (var key in query.Keys.Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            Error(key, $"Unknown parameter '{key}'; the lead list takes {string.Join(", ", Known)}.");
        }

        var campaign = Single(query, "campaign") is { } campaignText ? WholeNumber("campaign", campaignText, 0, long.MaxValue) : null;
        var grades = Grades(query);
        var minScore = Single(query, "minScore") is { } minText ? Number("minScore", minText) : null;
        var maxScore = Single(query, "maxScore") is { } maxText ? Number("maxScore", maxText) : null;
        var minModel = Single(query, "minModelScore") is { } minModelText ? WholeNumber("minModelScore", minModelText, 0, 100) : null;
        var maxModel = Single(query, "maxModelScore") is { } maxModelText ? WholeNumber("maxModelScore", maxModelText, 0, 100) : null;
        if (minScore > maxScore)
        {
            Error("minScore", "minScore is above maxScore.");
        }

        if (minModel > maxModel)
        {
            Error("minModelScore", "minModelScore is above maxModelScore.");
        }

        var text = Single(query, "q");
        if (text?.Length > MaxTextLength)
        {
            Error("q", string.Create(CultureInfo.InvariantCulture, $"The search text may be at most {MaxTextLength} characters long."));
        }

        var (basis, ascending) = SortOf(Single(query, "sort"));
        Page = (int)(Single(query, "page") is { } pageText ? WholeNumber("page", pageText, 1, MaxPage) ?? 1 : 1);
        PageSize = (int)(Single(query, "pageSize") is { } sizeText ? WholeNumber("pageSize", sizeText, 1, LeadListQuery.MaxLimit) ?? DefaultPageSize : DefaultPageSize);
        Query = new LeadListQuery
        {
            Campaign = campaign is { } id ? new CampaignId(id) : null,
            Grades = grades,
            MinScore = minScore,
            MaxScore = maxScore,
            MinModelScore = (int?)minModel,
            MaxModelScore = (int?)maxModel,
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Basis = basis,
            Ascending = ascending,
            Offset = (Page - 1) * PageSize,
            Limit = PageSize,
        };
    }

    private string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Error(name, $"{name} may be given once.");
            return null;
        }

        var value = values[0]!.Trim();
        return value.Length == 0 ? null : value;
    }

    private List<string> Grades(IQueryCollection query)
    {
        var grades = new List<string>();
        if (!query.TryGetValue("grade", out var values))
        {
            return grades;
        }

        // grade=A,B and grade=A&grade=B mean the same: any of the grades.
        foreach (var grade in values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (grade.Length > 16 || !grade.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-'))
            {
                Error("grade", $"'{grade}' is not a grade (letters, digits, + or -, e.g. A or B+).");
            }
            else if (!grades.Contains(grade, StringComparer.Ordinal))
            {
                grades.Add(grade);
            }
        }

        return grades;
    }

    private (LeadListBasis Basis, bool Ascending) SortOf(string? sort)
    {
        switch (sort?.ToLowerInvariant())
        {
            case null or "score" or "score:desc":
                Sort = "score";
                return (LeadListBasis.Ranked, false);
            case "score:asc":
                Sort = "score:asc";
                return (LeadListBasis.Ranked, true);
            case "points" or "points:desc":
                Sort = "points";
                return (LeadListBasis.Points, false);
            case "points:asc":
                Sort = "points:asc";
                return (LeadListBasis.Points, true);
            default:
                Error("sort", $"sort must be score or points, optionally with :asc or :desc (e.g. points:asc); got '{sort}'.");
                return (LeadListBasis.Ranked, false);
        }
    }

    private long? WholeNumber(string name, string text, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}; got '{text}'."));
            return null;
        }

        return value;
    }

    private double? Number(string name, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(name, $"{name} must be a number, e.g. 12.5; got '{text}'.");
            return null;
        }

        return value;
    }

    private void Error(string name, string message) =>
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
}
