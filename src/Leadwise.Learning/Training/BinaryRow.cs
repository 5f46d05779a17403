namespace Leadwise.Learning.Training;

/// <summary>
/// One training example as ML.NET reads it: a label and a dense feature vector. ML.NET needs a class
/// with a parameterless constructor and setters, so this stays internal to Learning.
/// </summary>
internal sealed class BinaryRow
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];
}
