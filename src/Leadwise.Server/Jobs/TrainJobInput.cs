using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leadwise.Server.Jobs;

/// <summary>A train job's input: <c>leadwise train</c>'s <c>--folds</c>, <c>--seed</c>, <c>--promote</c> and <c>--time-split</c>.</summary>
internal sealed record TrainJobInput(
    [property: JsonPropertyName("folds")] int Folds = 5,
    [property: JsonPropertyName("seed")] int Seed = 0,
    [property: JsonPropertyName("promote")] bool Promote = false,
    [property: JsonPropertyName("timeSplit")] bool TimeSplit = false)
{
    public const int MaxFolds = 20;

    public static TrainJobInput Parse(string json) =>
        JsonSerializer.Deserialize<TrainJobInput>(json) ?? throw new InvalidDataException("The train job has no input.");

    public string ToJson() => JsonSerializer.Serialize(this);
}
