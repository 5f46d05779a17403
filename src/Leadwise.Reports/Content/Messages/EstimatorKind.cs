namespace Leadwise.Reports.Content.Messages;

/// <summary>The off-policy estimators the report shows, in column order; <see cref="DoublyRobust"/> is the one the verdict prefers.</summary>
public enum EstimatorKind
{
    /// <summary>Inverse propensity scoring (IPS).</summary>
    InversePropensity,

    /// <summary>Self-normalised IPS (SNIPS).</summary>
    SelfNormalised,

    /// <summary>Per-decision doubly robust (DR): the model's value corrected by the weighted logged replies.</summary>
    DoublyRobust,

    /// <summary>The model alone (direct method, DM): as biased as the model, shown for reference.</summary>
    ModelOnly,
}
