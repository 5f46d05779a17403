namespace Leadwise.Learning.Training;

/// <summary>Thrown when a table has too few converted or unconverted rows to learn from honestly.</summary>
public sealed class NotEnoughDataException(string message) : Exception(message);
