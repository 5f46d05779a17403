using Microsoft.AspNetCore.Http.Features;

namespace Leadwise.Server.Security;

/// <summary>
/// Refuses every JSON request body holding a NUL character (U+0000) in any string with a 400 validation problem naming
/// each place (<see cref="JsonNulFinder"/>), before the endpoint sees it, so nothing of such a request is stored. It is
/// one place for every endpoint, present and future: PostgreSQL text cannot hold NUL (the statement would fail halfway
/// through a batch), and SQLite is held to the same rule so both backends answer alike. The body is read into memory
/// (its size is already bounded by <see cref="RequestSizeLimit"/>) and handed on unchanged.
/// </summary>
internal sealed class JsonNulGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType() || context.Request.ContentLength == 0
            || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.Body is not MemoryStream body || !body.TryGetBuffer(out _))
        {
            body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            body.Position = 0;
            context.Request.Body = body;
            context.Response.RegisterForDispose(body);
        }

        body.TryGetBuffer(out var bytes);
        var problems = JsonNulFinder.Find(bytes.AsMemory((int)body.Position), context.GetEndpoint()?.Metadata.GetMetadata<JsonBodyItems>());
        if (problems.Count > 0)
        {
            await Results.ValidationProblem(problems, detail: "Nothing was stored: text may not hold a NUL character (U+0000). Fix the values named below and send the request again.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
