using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leadwise.Server.Jobs;

/// <summary>A score job's input: the time the scores are as of, fixed when the job is accepted so a resumed run writes the same scores.</summary>
internal sealed record ScoreJobInput([property: JsonPropertyName("asOf")] DateTimeOffset AsOf)
{
    public static ScoreJobInput Parse(string json) =>
        JsonSerializer.Deserialize<ScoreJobInput>(json) ?? throw new InvalidDataException("The score job has no input.");

    public string ToJson() => JsonSerializer.Serialize(this);
}
