using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Security;

/// <summary>
/// Refuses request bodies over <c>Leadwise:MaxRequestBytes</c> (or an endpoint's own <see cref="IRequestSizeLimitMetadata"/>,
/// e.g. a larger limit for an upload) with 413 problem details, before the endpoint reads them. A body that
/// declares its length is judged by it; a chunked one is read into memory up to the limit, so the same rule holds
/// on every server (Kestrel's own limit is set too, as a second fence).
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, IOptionsMonitor<LeadwiseSecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpointLimit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = endpointLimit is null ? options.CurrentValue.MaxRequestBytes : endpointLimit.MaxRequestBodySize;
        if (limit is not { } max || !CarriesBody(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = max;
        }

        if (context.Request.ContentLength is { } length)
        {
            if (length > max)
            {
                await TooLargeAsync(context, max, endpointLimit).ConfigureAwait(false);
                return;
            }
        }
        else
        {
            var buffered = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffered.Length + read > max)
                {
                    await TooLargeAsync(context, max, endpointLimit).ConfigureAwait(false);
                    return;
                }

                buffered.Write(chunk, 0, read);
            }

            buffered.Position = 0;
            context.Request.Body = buffered;
            context.Request.ContentLength = buffered.Length;
            context.Response.RegisterForDispose(buffered);
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool CarriesBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false }
        && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method) || context.Request.ContentLength > 0);

    private static async Task TooLargeAsync(HttpContext context, long max, IRequestSizeLimitMetadata? endpointLimit) =>
        await SecurityProblems.WriteAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            "Request body too large",
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {max:N0} bytes this endpoint accepts ({(endpointLimit as NamedRequestSizeLimit)?.Setting ?? LeadwiseSecurity.MaxRequestBytesSetting})."),
            "body").ConfigureAwait(false);
}
