namespace Leadwise.Recommend.Modeling;

/// <summary>How the sequence model reads a message's text when it reads it (<see cref="HazardModelOptions.TextFeatures"/>).</summary>
public enum MessageTextReader
{
    /// <summary>
    /// One flag per sentence that recurs in at least <see cref="HazardModelOptions.MinimumSentenceTexts"/> distinct training
    /// texts: the phrases templates are assembled from, whose effects pool over every message that uses them.
    /// </summary>
    Sentences,

    /// <summary>Principal components of the text's word n-grams (<see cref="HazardModelOptions.TextDimensions"/> of them), and their products with the lead's German-speaking flag.</summary>
    Components,
}
