using System.Net.Http.Headers;
using Leadwise.Server.Endpoints;

namespace Leadwise.Server.Tests;

/// <summary>An export folder as the multipart body of <c>POST /api/import</c>, one part per file named by its file name.</summary>
internal static class ExportUpload
{
    public static MultipartFormDataContent From(string folder, params (string Name, string Value)[] fields) => From(folder, null, fields);

    public static MultipartFormDataContent From(string folder, string? skip, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var file in ImportEndpoints.FileParts.Where(f => f != skip))
        {
            var part = new ByteArrayContent(File.ReadAllBytes(Path.Combine(folder, file)));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, file, file);
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}
