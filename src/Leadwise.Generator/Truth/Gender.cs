namespace Leadwise.Generator.Truth;

/// <summary>A lead's true gender (the export's gender column may be missing).</summary>
public enum Gender
{
    Male = 0,
    Female = 1,
}
