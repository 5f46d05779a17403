namespace Leadwise.Learning.Tables;

/// <summary>Whether a column may be used as a feature.</summary>
public enum LeakageVerdict
{
    /// <summary>Neither its own AUC nor its name suggests it was filled after the outcome.</summary>
    Clean,

    /// <summary>Predicts the label suspiciously well on its own, or its name marks it as recorded after the outcome.</summary>
    Leaky,
}
