using System.Collections.Frozen;

namespace Leadwise.Scoring.Signals;

/// <summary>Cheap, allocation-free checks that flag form fields typed by bots or by people who did not mean it.</summary>
public static partial class SpamSignals
{
    /// <summary>
    /// Lower-case name particles that may open a multi-word surname ("van der Berg", "de la Cruz", "bin Laden");
    /// compared ordinally, so "Van" is just a capitalised word.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles =
        new[]
        {
            "van", "von", "der", "den", "de", "del", "della", "delle", "dei", "degli", "da", "das", "dos", "do", "di",
            "du", "la", "le", "les", "lo", "ten", "ter", "te", "zu", "zum", "zur", "vom", "al", "el", "bin", "ibn",
            "bint", "ben", "y", "af", "av",
        }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Elided particles written with an apostrophe in front of the name ("d'Alembert", "l'Estrange", "dell'Acqua").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ElidedParticles =
        new[] { "d", "l", "dell", "dall" }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when a first or last name starts with a lower-case letter ("anna", "schmidt", "ängström").
    /// </summary>
    /// <remarks>
    /// Lower-case particles may open a name of several words, and the first word after them decides ("van der Berg",
    /// "de la Cruz", "van der berg" is flagged); an elided particle decides by the letter after its apostrophe
    /// ("d'Alembert", "d'alembert" is flagged). Capitalised short names ("Ng", "Li", "Xu"), all-caps names, names
    /// starting with a letter that has no case, and values with no letter are not flagged; null or blank is not flagged.
    /// Only the opening word is judged: "Anna maria" is not flagged.
    /// </remarks>
    public static bool IsNotCapitalised(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var rest = name.AsSpan().Trim();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(' ', '\t');
            var word = end < 0 ? rest : rest[..end];
            var after = end < 0 ? [] : rest[end..].TrimStart();
            if (!after.IsEmpty && Particles.Contains(word))
            {
                rest = after;
                continue;
            }

            return StartsLowerCase(SkipElidedParticle(word));
        }

        return false;
    }

    private static ReadOnlySpan<char> SkipElidedParticle(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '’');
        return apostrophe > 0 && apostrophe < word.Length - 1 && ElidedParticles.Contains(word[..apostrophe])
            ? word[(apostrophe + 1)..]
            : word;
    }

    private static bool StartsLowerCase(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return char.IsLower(c);
            }
        }

        return false;
    }
}
