namespace Leadwise.Learning.Calibration;

/// <summary>How raw model probabilities are mapped to calibrated ones.</summary>
public enum CalibrationKind
{
    /// <summary>Used as they are.</summary>
    None,

    /// <summary>A logistic curve on the logit of the raw probability (Platt scaling): smooth, two parameters.</summary>
    Platt,

    /// <summary>A monotone step function (pool adjacent violators): flexible, needs more rows.</summary>
    Isotonic,
}
