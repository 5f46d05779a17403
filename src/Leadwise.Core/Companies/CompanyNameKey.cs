using System.Collections.Frozen;
using System.Text;

namespace Leadwise.Core.Companies;

/// <summary>
/// Company name keys. <see cref="Of"/> is a company's identity in the store: its name in lower case
/// with spaces collapsed, so "ACME  GmbH" and "acme gmbh" are one company but "Hansa Logistik GmbH"
/// and "Hansa Logistik SE" stay two. <see cref="Loose"/> also drops trailing legal forms
/// (<c>"Acme GmbH &amp; Co. KG"</c>, <c>"Acme Inc."</c> → <c>acme</c>), because leads name their employer
/// loosely (<c>Acme</c> on a profile, <c>Acme GmbH</c> in the register); it is for matching only, and
/// only where it points at a single company. A name that is nothing but legal forms keeps them.
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

    /// <summary>The store key: lower case, Unicode-normalised, single spaces.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The matching key: <see cref="Of"/> without trailing legal forms and punctuation around them.</summary>
    public static string Loose(string name)
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
