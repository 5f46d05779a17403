namespace Leadwise.Generator.Truth;

/// <summary>The language a lead reads best (German for DE/AT/CH) or a message is written in.</summary>
public enum Language
{
    German = 0,
    English = 1,
}
