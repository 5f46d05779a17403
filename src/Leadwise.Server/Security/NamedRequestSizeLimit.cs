using Microsoft.AspNetCore.Http.Metadata;

namespace Leadwise.Server.Security;

/// <summary>An endpoint's own body size limit, with the setting it comes from so a 413 can name it (e.g. <c>Leadwise:MaxImportBytes</c>).</summary>
internal sealed class NamedRequestSizeLimit(long maxBytes, string setting) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;

    public string Setting { get; } = setting;
}
