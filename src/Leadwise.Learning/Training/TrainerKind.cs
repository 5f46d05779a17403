namespace Leadwise.Learning.Training;

/// <summary>The binary classifiers model selection chooses between.</summary>
public enum TrainerKind
{
    /// <summary>Gradient-boosted trees through LightGBM (native library shipped in the LightGBM package).</summary>
    LightGbm,

    /// <summary>ML.NET's own gradient-boosted trees.</summary>
    FastTree,

    /// <summary>L-BFGS logistic regression on normalised features.</summary>
    LogisticRegression,
}
