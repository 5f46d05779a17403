using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Modeling;

/// <summary>One training row of a stage (hazard or acceptance): its lead (for grouped folds), message, step, features and label.</summary>
internal sealed record StageRow(LeadId Lead, MessageKey Message, int Step, float[] Features, bool Label);
