using System.Text.Json;
using System.Text.Json.Serialization;
using Leadwise.Core.Scoring;

namespace Leadwise.Data.Storage;

/// <summary>
/// A score's subtotals and rule hits as the store keeps them: JSON with the models' names as text
/// (<c>{"Website":12.5}</c>, <c>[{"ruleId":"…","model":"Website","points":…,"rawPoints":…,"reason":"…"}]</c>).
/// Doubles are written in their shortest round-trip form, so a score reads back exactly as it was written.
/// </summary>
internal static class LeadScoreJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<ScoringModel>(allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Subtotals in model order, so equal scores give equal text.</summary>
    public static string Subtotals(IReadOnlyDictionary<ScoringModel, double> subtotals)
    {
        ArgumentNullException.ThrowIfNull(subtotals);
        var ordered = new SortedDictionary<ScoringModel, double>();
        foreach (var (model, points) in subtotals)
        {
            ordered[model] = points;
        }

        return JsonSerializer.Serialize(ordered, Options);
    }

    public static string Hits(IReadOnlyList<RuleHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        return JsonSerializer.Serialize(hits.Select(h => new StoredHit(h.RuleId, h.Model, h.Points, h.RawPoints, h.Reason)), Options);
    }

    public static IReadOnlyDictionary<ScoringModel, double> ReadSubtotals(string json) =>
        JsonSerializer.Deserialize<Dictionary<ScoringModel, double>>(json, Options) ?? [];

    public static IReadOnlyList<RuleHit> ReadHits(string json) =>
        [.. (JsonSerializer.Deserialize<List<StoredHit>>(json, Options) ?? [])
            .Select(h => new RuleHit(h.RuleId, h.Model, h.Points, h.Reason) { RawPoints = h.RawPoints })];

    /// <summary>The stored shape of a hit, apart from <see cref="RuleHit"/> so that renaming a Core member cannot change stored JSON.</summary>
    private sealed record StoredHit(string RuleId, ScoringModel Model, double Points, double RawPoints, string Reason);
}
