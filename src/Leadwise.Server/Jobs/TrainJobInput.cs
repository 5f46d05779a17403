using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leadwise.Server.Jobs;

/// <summary>
/// A train job's input: <c>leadwise train</c>'s <c>--folds</c>, <c>--seed</c>, <c>--promote</c>, <c>--time-split</c> and
/// <c>--account</c> (null: install-wide models on every account's leads).
/// </summary>
internal sealed record TrainJobInput(
    [property: JsonPropertyName("folds")] int Folds = 5,
    [property: JsonPropertyName("seed")] int Seed = 0,
    [property: JsonPropertyName("promote")] bool Promote = false,
    [property: JsonPropertyName("timeSplit")] bool TimeSplit = false,
    [property: JsonPropertyName("account")] long? Account = null)
{
    public const int MaxFolds = 20;

    public static TrainJobInput Parse(string json) =>
        JsonSerializer.Deserialize<TrainJobInput>(json) ?? throw new InvalidDataException("The train job has no input.");

    public string ToJson() => JsonSerializer.Serialize(this);
}
