namespace Leadwise.Core.Models;

/// <summary>The kinds of models the registry holds; each kind has its own promoted version.</summary>
public static class ModelKinds
{
    /// <summary>Probability that an invited lead converts (replies).</summary>
    public const string Conversion = "conversion";

    /// <summary>The sequence model: per-step reply hazard and invite acceptance (Leadwise.Recommend).</summary>
    public const string Hazard = "hazard";
}
