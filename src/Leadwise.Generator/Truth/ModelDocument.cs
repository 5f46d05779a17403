namespace Leadwise.Generator.Truth;

/// <summary>The content of <c>truth/model.json</c>: the formula in words, the generator settings and the parameters.</summary>
internal sealed record ModelDocument(string Formula, int Seed, int LeadCount, DateTimeOffset ExportDate, TrueModelParameters Parameters);
