namespace Leadwise.Recommend.Modeling;

/// <summary>One message text as ML.NET's text featurisation reads it (ML.NET rows need a parameterless constructor and setters).</summary>
internal sealed class MessageTextRow
{
    public string Text { get; set; } = string.Empty;
}
