using Leadwise.Learning.Training;

namespace Leadwise.Recommend.Modeling;

/// <summary>How <see cref="HazardModel.Train"/> fits its stages.</summary>
public sealed record HazardModelOptions
{
    /// <summary>Folds of the grouped-by-lead cross-validation that compares the trainers.</summary>
    public int Folds { get; init; } = 5;

    public int Seed { get; init; }

    /// <summary>
    /// The trainers compared; the best out-of-fold ROC AUC wins. Logistic regression alone by default: held-out AUC scores
    /// a stage on the messages leads were actually sent, while a recommendation ranks messages for leads they were not
    /// sent to, and there the trees' fits of message × audience do not carry over. On the 200k generated store LightGBM
    /// won the comparison by 0.002 AUC and its per-lead policy captured 76.4 % of the oracle's gain against logistic
    /// regression's 84.4 % (docs/recommendation.md, "Which trainer").
    /// </summary>
    public IReadOnlyList<TrainerKind> Trainers { get; init; } = [TrainerKind.LogisticRegression];

    /// <summary>
    /// Null (the default): the message shrinkage's prior strength is estimated from the data (empirical Bayes). Otherwise κ,
    /// the Beta prior's strength in rows: how many rows a message needs before its own record outweighs the model.
    /// </summary>
    public double? PriorStrength { get; init; }

    /// <summary>
    /// Whether the message text itself enters the features (read as <see cref="TextReader"/> says), beside the hand-made
    /// traits. Off by default: where the wording carries no reply effect (the default generated data) every reader lowered
    /// the held-out gain over the logged policy, and where it does, its recurring sentences pay only from about 60k leads
    /// (docs/recommendation.md, "If the wording carried the quality").
    /// </summary>
    public bool TextFeatures { get; init; }

    /// <summary>How the text is read with <see cref="TextFeatures"/>: its recurring sentences (the default) or n-gram components.</summary>
    public MessageTextReader TextReader { get; init; } = MessageTextReader.Sentences;

    /// <summary>With <see cref="MessageTextReader.Sentences"/>: a sentence becomes a feature when this many distinct training texts contain it; rarer ones would stand for a message's identity.</summary>
    public int MinimumSentenceTexts { get; init; } = 5;

    /// <summary>With <see cref="MessageTextReader.Components"/>: how many components of the text are kept (fewer when the training messages are too few to span them).</summary>
    public int TextDimensions { get; init; } = 8;
}
