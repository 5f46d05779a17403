using System.Globalization;
using System.Text;

namespace Leadwise.Data.Import;

/// <summary>
/// One problem found in an export, pinned to its physical place: <c>Leads.csv:42:57: column "inviteSentAt": …</c>.
/// <paramref name="Line"/> counts physical lines (a quoted multi-line field spans several) and, like
/// <paramref name="Column"/> (characters), starts at 1; both are null for problems of a whole file.
/// </summary>
public sealed record ImportIssue(
    ImportSeverity Severity,
    string File,
    int? Line,
    int? Column,
    string? ColumnName,
    string Message)
{
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $":{line}");
            if (Column is { } column)
            {
                text.Append(CultureInfo.InvariantCulture, $":{column}");
            }
        }

        text.Append(": ");
        if (ColumnName is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"column \"{ColumnName}\": ");
        }

        return text.Append(Message).ToString();
    }
}
