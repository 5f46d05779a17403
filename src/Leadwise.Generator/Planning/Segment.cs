using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Planning;

/// <summary>The audience a campaign targets; most of its leads come from it (the source of confounding).</summary>
internal sealed record Segment(Language Language, Industry? Industry, Seniority MinSeniority, Seniority MaxSeniority);
