using System.Collections.Frozen;
using System.Text;

namespace Leadwise.Core.Companies;

/// <summary>
/// The key a company is stored and matched under: its name in lower case, spaces collapsed, and trailing
/// legal forms removed (<c>"ACME  GmbH &amp; Co. KG"</c>, <c>"Acme Inc."</c> and <c>"acme"</c> are all
/// <c>acme</c>). Leads name their employer loosely (<c>Acme</c> on a profile, <c>Acme GmbH</c> in the
/// register), and the key exists to join them; the price is that two entities differing only in legal
/// form are one company to Leadwise. A name that is nothing but legal forms keeps them.
/// </summary>
public static class CompanyNameKey
{
    /// <summary>Legal forms and connectors stripped from the end of a name, compared without dots.</summary>
    private static readonly FrozenSet<string> LegalForms = FrozenSet.Create(StringComparer.Ordinal,
    [
        "&", "and", "und", "co", "cie",
        "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "haftungsbeschränkt", "ev", "eg", "se",
        "ltd", "limited", "plc", "llc", "llp", "lp", "inc", "incorporated", "corp", "corporation",
        "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "asa", "sl", "pte", "pty",
    ]);

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(token => token.Trim('(', ')'))
            .Where(token => token.Length > 0)
            .ToList();
        var keep = tokens.Count;
        while (keep > 1 && LegalForms.Contains(tokens[keep - 1].Replace(".", string.Empty, StringComparison.Ordinal)))
        {
            keep--;
        }

        if (keep == 1 && LegalForms.Contains(tokens[0].Replace(".", string.Empty, StringComparison.Ordinal)))
        {
            // "AG & Co. KG" alone: nothing would be left, so the name is its own key.
            keep = tokens.Count;
        }

        return string.Join(' ', tokens.Take(keep)).TrimEnd('.');
    }
}
