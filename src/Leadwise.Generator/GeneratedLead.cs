using Leadwise.Core.Outreach;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator;

/// <summary>A generated lead row together with its truth.</summary>
public sealed record GeneratedLead(Lead Lead, LeadTruth Truth);
