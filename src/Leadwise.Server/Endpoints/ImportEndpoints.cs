using System.Globalization;
using Leadwise.Core.Jobs;
using Leadwise.Data.Export;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;
using Leadwise.Server.Jobs;
using Leadwise.Server.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>POST /api/import</c> (write key): the five files of an export as multipart form parts named by their file names,
/// optional fields <c>skipBadRows</c> and <c>maxErrors</c> (as <c>leadwise import</c>'s options). The request is checked
/// before anything is queued (400 naming the part); the files are stored with the queued job in one transaction and the
/// import runs in the background on whichever node claims it (<see cref="JobRunner"/>): 202 with <c>Location: /api/jobs/{id}</c> and the job.
/// <c>GET /api/jobs/{id}</c> (read) answers for any job in the store, whichever node runs it.
/// </summary>
internal static class ImportEndpoints
{
    public const int MaxErrorsCap = 1_000;

    private const string SkipBadRowsField = "skipBadRows";
    private const string MaxErrorsField = "maxErrors";

    /// <summary>The part names an upload must carry: the export's file names, as <c>leadwise import</c> reads them from a folder.</summary>
    public static readonly IReadOnlyList<string> FileParts =
    [
        UsersTable.Instance.FileName,
        CampaignsTable.Instance.FileName,
        MessagesTable.Instance.FileName,
        LeadsTable.Instance.FileName,
        SnapshotsTable.Instance.FileName,
    ];

    public static void Map(WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<JobOptions>>().Value.MaxImportBytes;
        app.MapPost("/api/import", ImportAsync)
            .RequireAuthorization(LeadwisePolicies.Write)
            .WithMetadata(new NamedRequestSizeLimit(limit, JobOptions.MaxImportBytesSetting))
            .DisableAntiforgery()
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .WithSummary("Upload the five-table export (multipart, parts named Users.csv … Records.csv) to import it as a background job");
        app.MapGet("/api/jobs/{id}", ShowJobAsync)
            .RequireAuthorization(LeadwisePolicies.Read)
            .Produces<JobView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A background job's state, progress, result or errors");
    }

    private static async Task<IResult> ImportAsync(
        HttpRequest request,
        ILeadwiseStore store,
        JobWakeUp wakeUp,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Invalid("body", $"Send the export as multipart/form-data with one part per file ({string.Join(", ", FileParts)}).");
        }

        // The parts go to a private folder first: every part must be checked before the job and its files are stored.
        var folder = Directory.CreateTempSubdirectory("leadwise-import-").FullName;
        try
        {
            var (options, errors) = await ReadPartsAsync(new MultipartReader(boundary, request.Body), folder, cancellationToken);
            foreach (var missing in FileParts.Where(part => !File.Exists(Path.Combine(folder, part))))
            {
                errors.TryAdd(missing, [$"The part {missing} is missing; an upload has {string.Join(", ", FileParts)}."]);
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "The upload is not an export Leadwise can import");
            }

            var job = Job.Queued(Guid.NewGuid().ToString("N"), JobKinds.Import, time.GetUtcNow(), ImportJobInput.From(options).ToJson());
            await StoreWithFilesAsync(store, job, folder, cancellationToken);
            wakeUp.Wake();
            return TypedResults.Accepted($"/api/jobs/{job.Id}", JobView.From(job, null));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The queued job and its files in one transaction, so any node that sees the job can run it.</summary>
    private static async Task StoreWithFilesAsync(ILeadwiseStore store, Job job, string folder, CancellationToken cancellationToken)
    {
        var streams = FileParts.Select(part => File.OpenRead(Path.Combine(folder, part))).ToList();
        try
        {
            await store.CreateJobAsync(job, [.. FileParts.Zip(streams, (part, stream) => new JobFileUpload(part, stream))], cancellationToken);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task<(ImportOptions Options, Dictionary<string, string[]> Errors)> ReadPartsAsync(MultipartReader reader, string folder, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var options = new ImportOptions();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var any = false;
        while (await NextSectionAsync(reader, errors, cancellationToken) is { } section)
        {
            if (section.Headers is null or { Count: 0 })
            {
                // What an empty multipart body parses to (HttpClient sends one for a form without parts): not a part.
                continue;
            }

            any = true;
            var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
                : null;
            if (string.IsNullOrEmpty(name))
            {
                errors.TryAdd("body", ["Every part needs a name (Content-Disposition: form-data; name=\"Leads.csv\")."]);
                continue;
            }

            if (!seen.Add(name))
            {
                errors.TryAdd(name, [$"The part {name} is sent twice."]);
                continue;
            }

            if (FileParts.FirstOrDefault(part => part.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } file)
            {
                var target = File.Create(Path.Combine(folder, file));
                await using (target.ConfigureAwait(false))
                {
                    await section.Body.CopyToAsync(target, cancellationToken);
                }
            }
            else if (name == SkipBadRowsField)
            {
                var text = await new StreamReader(section.Body).ReadToEndAsync(cancellationToken);
                if (bool.TryParse(text.Trim(), out var skip))
                {
                    options = options with { SkipBadRows = skip };
                }
                else
                {
                    errors.TryAdd(name, [$"Expected true or false, got \"{text}\"."]);
                }
            }
            else if (name == MaxErrorsField)
            {
                var text = await new StreamReader(section.Body).ReadToEndAsync(cancellationToken);
                if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= MaxErrorsCap)
                {
                    options = options with { MaxErrors = max };
                }
                else
                {
                    errors.TryAdd(name, [string.Create(CultureInfo.InvariantCulture, $"Expected a whole number from 1 to {MaxErrorsCap}, got \"{text}\".")]);
                }
            }
            else
            {
                errors.TryAdd(name, [$"Unknown part {name}: an upload has the files {string.Join(", ", FileParts)} and the fields {SkipBadRowsField} and {MaxErrorsField}."]);
            }
        }

        if (!any)
        {
            errors.TryAdd("body", ["The upload is empty: send the export's files as form parts."]);
        }

        return (options, errors);
    }

    /// <summary>The next part, or null at the end; a body that is not well-formed multipart ends the parts with a problem on <c>body</c>.</summary>
    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            errors.TryAdd("body", [$"The upload is empty or not well-formed multipart/form-data: {exception.Message}"]);
            return null;
        }
    }

    private static async Task<IResult> ShowJobAsync(string id, ILeadwiseStore store, LiveJobProgress live, CancellationToken cancellationToken)
    {
        var job = await store.FindJobAsync(id, cancellationToken);
        return job is null
            ? Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Job not found",
                detail: $"There is no job {id}.",
                extensions: new Dictionary<string, object?> { ["field"] = "id" })
            : TypedResults.Ok(JobView.From(job, job.State == JobStates.Running ? live.Find(job.Id) : null));
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The upload is not an export Leadwise can import");
}
