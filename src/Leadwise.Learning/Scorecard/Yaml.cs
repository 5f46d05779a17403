namespace Leadwise.Learning.Scorecard;

internal static class Yaml
{
    /// <summary>A single-quoted YAML scalar: nothing inside is special except the quote, which doubles.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
