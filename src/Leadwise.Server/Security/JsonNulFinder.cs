using System.Globalization;
using System.Text.Json;

namespace Leadwise.Server.Security;

/// <summary>
/// Finds every string in a JSON body — value or property name — that holds a NUL character (U+0000), by its path in
/// the form the endpoints name fields (<c>[2].properties.note</c>, <c>firstName</c>). JSON can carry NUL only as the
/// escape <c>\u0000</c> (a raw control character is not valid JSON), so a body without that byte sequence is passed
/// without being parsed.
/// </summary>
internal static class JsonNulFinder
{
    /// <summary>More problems than this are summed up in one line: the client needs to see what is wrong, not every copy of it.</summary>
    public const int MaxListed = 100;

    private static readonly byte[] EscapedNul = "\\u0000"u8.ToArray();

    /// <summary>The problems by path, or none; a body that is not valid JSON yields none (the endpoint refuses it itself).</summary>
    public static Dictionary<string, string[]> Find(ReadOnlyMemory<byte> json, JsonBodyItems? items)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (json.Span.IndexOf(EscapedNul) < 0)
        {
            return [];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            var root = document.RootElement;
            var count = 0;
            if (items is not null && root.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                var list = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new[] { root };
                for (var i = 0; i < list.Length; i++)
                {
                    var at = string.Create(CultureInfo.InvariantCulture, $"[{i}]");
                    Walk(list[i], at, ItemLabel(list[i], i, items), problems, ref count);
                }
            }
            else
            {
                Walk(root, string.Empty, label: null, problems, ref count);
            }

            var found = problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
            if (count > MaxListed)
            {
                found["body"] = [string.Create(CultureInfo.InvariantCulture, $"{count - MaxListed} more values hold a NUL character (U+0000); only the first {MaxListed} are listed.")];
            }

            return found;
        }
    }

    /// <summary>"Event 2 (clientEventId "crm-9")", so a client finds the item by its own id too.</summary>
    private static string ItemLabel(JsonElement item, int index, JsonBodyItems items)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{items.Noun} {index}");
        return item.ValueKind == JsonValueKind.Object && item.TryGetProperty(items.IdProperty, out var id) && id.ValueKind == JsonValueKind.String
            ? $"{label} ({items.IdProperty} \"{Visible(id.GetString()!)}\")"
            : label;
    }

    private static void Walk(JsonElement element, string path, string? label, Dictionary<string, List<string>> problems, ref int count)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Contains('\0', StringComparison.Ordinal))
                    {
                        Add(problems, Key(path), $"The property name \"{Visible(property.Name)}\" holds a NUL character (U+0000)", label, ref count);
                        continue;
                    }

                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", label, problems, ref count);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var value in element.EnumerateArray())
                {
                    Walk(value, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), label, problems, ref count);
                }

                break;
            case JsonValueKind.String when element.GetString()!.Contains('\0', StringComparison.Ordinal):
                Add(problems, Key(path), "Holds a NUL character (U+0000)", label, ref count);
                break;
        }
    }

    private static void Add(Dictionary<string, List<string>> problems, string key, string what, string? label, ref int count)
    {
        if (++count > MaxListed)
        {
            return;
        }

        var message = (label is null ? what : $"{label}: {char.ToLowerInvariant(what[0])}{what[1..]}")
            + ", which no stored text may hold (PostgreSQL text cannot): remove it or replace it.";
        if (!problems.TryGetValue(key, out var messages))
        {
            problems[key] = messages = [];
        }

        messages.Add(message);
    }

    private static string Key(string path) => path.Length == 0 ? "body" : path;

    /// <summary>The text with each NUL shown as <c>\u0000</c>, so a message never carries the character itself.</summary>
    private static string Visible(string text) => text.Replace("\0", "\\u0000", StringComparison.Ordinal);
}
