namespace Leadwise.Generator.Truth;

/// <summary>
/// The content of <c>truth/model.json</c>: the reply formula in words, the generator settings and the parameters, plus
/// the engagement-event model (formula and parameters; null in files written before events existed).
/// </summary>
internal sealed record ModelDocument(
    string Formula,
    int Seed,
    int LeadCount,
    DateTimeOffset ExportDate,
    TrueModelParameters Parameters,
    string? EngagementFormula = null,
    EngagementModelParameters? Engagement = null);
