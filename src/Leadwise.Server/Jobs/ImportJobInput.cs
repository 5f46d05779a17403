using System.Text.Json;
using System.Text.Json.Serialization;
using Leadwise.Data.Import;

namespace Leadwise.Server.Jobs;

/// <summary>An import job's input (<c>jobs.input</c>): <c>leadwise import</c>'s options; the files are the job's rows in <c>job_files</c>.</summary>
internal sealed record ImportJobInput(
    [property: JsonPropertyName("skipBadRows")] bool SkipBadRows,
    [property: JsonPropertyName("maxErrors")] int MaxErrors)
{
    public static ImportJobInput From(ImportOptions options) => new(options.SkipBadRows, options.MaxErrors);

    public static ImportJobInput Parse(string json) =>
        JsonSerializer.Deserialize<ImportJobInput>(json) ?? throw new InvalidDataException("The import job has no input.");

    public ImportOptions ToOptions() => new() { SkipBadRows = SkipBadRows, MaxErrors = MaxErrors };

    public string ToJson() => JsonSerializer.Serialize(this);
}
