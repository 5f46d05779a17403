using System.Globalization;
using System.Text.RegularExpressions;

namespace Leadwise.Core.Outreach;

/// <summary>
/// A message template as one lead reads it: <c>{{ salutation }}</c> becomes the male or female salutation by
/// the lead's gender, <c>{{ first_name }}</c>, <c>{{ last_name }}</c> and <c>{{ company_name }}</c> the lead's
/// values. Unknown placeholders stay as they are, so a sender sees what was not filled.
/// </summary>
public static partial class MessageRenderer
{
    public static string Render(Message message, Lead lead)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(lead);
        var content = message.Content ?? string.Empty;
        var rendered = Placeholder().Replace(content, match => match.Groups["name"].Value.ToLowerInvariant() switch
        {
            "salutation" => Salutation(message, lead.Gender),
            "first_name" or "firstname" => Name(lead.FirstName) ?? match.Value,
            "last_name" or "lastname" => Name(lead.LastName) ?? match.Value,
            "company_name" or "company" => lead.CompanyName?.Trim() ?? match.Value,
            _ => match.Value,
        });

        // A salutation left empty must not leave " , Anna" behind.
        return LeadingSpace().Replace(rendered, string.Empty);
    }

    /// <summary>Female for a female lead, male for a male one; for an unknown gender the salutation both share, else the male one.</summary>
    public static string Salutation(Message message, string? gender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var salutation = Genders.Normalize(gender) switch
        {
            Genders.Female => message.FemaleSalutation,
            Genders.Male => message.MaleSalutation,
            _ => message.MaleSalutation ?? message.FemaleSalutation,
        };
        return salutation?.Trim() ?? string.Empty;
    }

    /// <summary>Exports hold names in lower case ("anna"); a message addresses "Anna".</summary>
    private static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        return char.IsLower(trimmed[0]) ? char.ToUpper(trimmed[0], CultureInfo.InvariantCulture) + trimmed[1..] : trimmed;
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[ \t]+", RegexOptions.Multiline)]
    private static partial Regex LeadingSpace();
}
