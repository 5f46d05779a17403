using System.Net;
using System.Text;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// Builds an HTML page where nothing from the data can become markup: text and attribute values always pass
/// through <c>WebUtility.HtmlEncode</c>, and only tag and attribute names, which are constants in the page
/// code, are written as they are. Hence no method takes raw markup.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens an element; attributes with a null value are left out, an empty value writes the bare name.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        Start(tag, attributes);
        _open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost open element.</summary>
    public HtmlWriter Close()
    {
        _html.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element holding only (encoded) text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes)
    {
        Start(tag, attributes);
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element without content or end tag (<c>input</c>, <c>link</c>, <c>meta</c>).</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes) => Start(tag, attributes);

    public HtmlWriter Text(string? text)
    {
        _html.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    /// <summary>The page, with every element closed.</summary>
    public override string ToString()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        return _html.ToString();
    }

    private HtmlWriter Start(string tag, (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }
}
