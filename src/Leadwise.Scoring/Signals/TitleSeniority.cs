namespace Leadwise.Scoring.Signals;

/// <summary>
/// Classifies an English or German job title by <see cref="Seniority"/>, case-insensitively, word by word, without
/// allocating.
/// </summary>
/// <remarks>
/// <para>Words (runs of letters; hyphens, dots, slashes split them, so "Co-Founder", "Sr." and "Leiter/in" work):</para>
/// <list type="table">
/// <listheader><term>Seniority</term><description>Words</description></listheader>
/// <item><term>Executive</term><description>CEO, CTO, CFO, COO, CMO, CIO, CPO, CRO, CSO, CDO, CCO, CHRO, CISO, CXO;
/// Chief … Officer; Founder, Co-Founder; Owner (not Product/Process/… Owner); Proprietor; Entrepreneur, Unternehmer(in);
/// President (not Vice President); Partner (at the end of a phrase or before at/bei/of: "Managing Partner",
/// "Partner at KPMG", not "Partner Manager"); Managing Director; Chairman/Chair; Board;
/// Geschäftsführer(in), geschäftsführend, Geschäftsführung, Geschäftsleitung; Inhaber(in); Vorstand, Vorsitzende(r);
/// Gründer(in), Mitgründer(in); Gesellschafter(in); Präsident(in); Aufsichtsrat; selbstständig.</description></item>
/// <item><term>Director</term><description>Director (not Managing Director); Direktor(in); VP, SVP, EVP, AVP,
/// Vice President, Vizepräsident(in); Head (of …); Chief without Officer ("Chief of Staff"); General Manager;
/// Leiter(in), Leitung and compounds (Bereichsleiter, Abteilungsleiterin, Vertriebsleitung); Prokurist(in).</description></item>
/// <item><term>Manager</term><description>Manager(in) and compounds (Produktmanager); Supervisor; Team Lead, Leader;
/// Lead … (not Lead Generation/Management/…); Teamleiter(in), Gruppenleiter(in), Projektleiter(in), Schichtleiter(in),
/// Filialleiter(in) and their -leitung.</description></item>
/// <item><term>Senior</term><description>Senior, Sr, Snr, Principal, Staff (before Engineer/Software/Data/…), leitende(r),
/// Architect, Architekt(in).</description></item>
/// <item><term>Individual</term><description>Engineer, Developer, Entwickler(in), Programmer, Consultant, Berater(in),
/// Specialist, Spezialist(in), Analyst, Associate, Designer, Administrator, Accountant, Coordinator, Representative,
/// Executive (alone: "Account Executive"), Officer (alone), Sachbearbeiter(in), Ingenieur(in), Techniker(in),
/// Mitarbeiter(in), Kaufmann/Kauffrau, Junior, Freelancer, Member, Product Owner and similar role nouns.</description></item>
/// <item><term>Student</term><description>Student(in), Werkstudent(in), Studierende(r), Praktikant(in), Praktikum, Intern,
/// Internship, Trainee, Azubi, Auszubildende(r), Apprentice, Lehrling, Volontär(in), Doktorand(in).</description></item>
/// </list>
/// <para>Precedence:</para>
/// <list type="number">
/// <item>A supporting role — Assistant, Assistent(in), Assistenz, Secretary, Sekretär(in), Referent(in), also in
/// compounds (Vorstandsassistentin) — names whom it supports, so the title is Individual (Student if it also has a
/// student word): "Assistant to the CEO", "Executive Assistant", "Assistenz der Geschäftsführung".</item>
/// <item>Otherwise any Executive word wins: "Founder &amp; Developer", "CEO | Student".</item>
/// <item>Otherwise any student word wins: "Software Engineering Intern", "Werkstudentin Marketing".
/// A student or lead word right after of/for/für is what the role is about, not a rank: "Head of Student Affairs".</item>
/// <item>Otherwise the most senior of Director, Manager, Senior, Individual: "Senior Manager" is Manager.</item>
/// <item>No recognised word ("-", "Marketing", "n/a") is <see cref="Seniority.Unknown"/>.</item>
/// </list>
/// <para>Only the first 32 words are read.</para>
/// </remarks>
public static partial class TitleSeniority
{
    private const int MaxWords = 32;

    /// <summary>Returns the seniority <paramref name="title"/> signals; null, blank or unrecognised is Unknown.</summary>
    public static Seniority Classify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Seniority.Unknown;
        }

        Span<Range> words = stackalloc Range[MaxWords];
        Span<TitleWordKind> kinds = stackalloc TitleWordKind[MaxWords];
        Span<byte> clauses = stackalloc byte[MaxWords];
        var count = Split(title, words, clauses);
        for (var i = 0; i < count; i++)
        {
            kinds[i] = KindOf(title.AsSpan(words[i]));
        }

        var best = Seniority.Unknown;
        bool support = false, student = false, chief = false, officer = false;
        for (var i = 0; i < count; i++)
        {
            var previous = i > 0 && clauses[i - 1] == clauses[i] ? kinds[i - 1] : TitleWordKind.None;
            var hasNext = i + 1 < count && clauses[i + 1] == clauses[i];
            var next = hasNext ? title.AsSpan(words[i + 1]) : [];
            var level = Seniority.Unknown;
            switch (kinds[i])
            {
                case TitleWordKind.Student:
                    student |= previous != TitleWordKind.ObjectPreposition;
                    break;
                case TitleWordKind.Individual:
                    level = Seniority.Individual;
                    break;
                case TitleWordKind.Senior:
                    level = Seniority.Senior;
                    break;
                case TitleWordKind.Manager:
                    level = Seniority.Manager;
                    break;
                case TitleWordKind.Director:
                    level = Seniority.Director;
                    break;
                case TitleWordKind.Executive:
                    level = Seniority.Executive;
                    break;
                case TitleWordKind.Support:
                    support = true;
                    break;
                case TitleWordKind.Chief:
                    chief = true;
                    level = Seniority.Director;
                    break;
                case TitleWordKind.Officer:
                    officer = true;
                    level = Seniority.Individual;
                    break;
                case TitleWordKind.President:
                    level = previous == TitleWordKind.Vice ? Seniority.Director : Seniority.Executive;
                    break;
                case TitleWordKind.Partner:
                    var nextKind = hasNext ? kinds[i + 1] : TitleWordKind.None;
                    level = !hasNext || nextKind is TitleWordKind.Preposition or TitleWordKind.ObjectPreposition
                        ? Seniority.Executive
                        : Seniority.Unknown;
                    break;
                case TitleWordKind.Owner:
                    level = i > 0 && clauses[i - 1] == clauses[i] && OwnerRoles.Contains(title.AsSpan(words[i - 1]))
                        ? Seniority.Individual
                        : Seniority.Executive;
                    break;
                case TitleWordKind.Lead:
                    level = previous == TitleWordKind.ObjectPreposition || (hasNext && LeadObjects.Contains(next))
                        ? Seniority.Unknown
                        : Seniority.Manager;
                    break;
                case TitleWordKind.Staff:
                    level = hasNext && StaffFollowers.Contains(next) ? Seniority.Senior : Seniority.Unknown;
                    break;
                case TitleWordKind.DirectorWord:
                    level = previous == TitleWordKind.Managing ? Seniority.Executive : Seniority.Director;
                    break;
                case TitleWordKind.ManagerWord:
                    level = previous == TitleWordKind.General ? Seniority.Director : Seniority.Manager;
                    break;
                default:
                    break;
            }

            if (level > best)
            {
                best = level;
            }
        }

        if (chief && officer)
        {
            best = Seniority.Executive;
        }

        if (support)
        {
            return student ? Seniority.Student : Seniority.Individual;
        }

        if (best == Seniority.Executive)
        {
            return best;
        }

        return student ? Seniority.Student : best;
    }

    /// <summary>
    /// Splits <paramref name="title"/> into runs of letters. A clause ends at &amp; , / | ; : ( ) + @ or a hyphen next
    /// to a space; words of one clause form phrases ("Partner Manager"), words of different clauses do not.
    /// </summary>
    private static int Split(string title, Span<Range> words, Span<byte> clauses)
    {
        var count = 0;
        byte clause = 0;
        var start = -1;
        for (var i = 0; i <= title.Length && count < words.Length; i++)
        {
            var c = i < title.Length ? title[i] : ' ';
            if (char.IsLetter(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                words[count] = new Range(start, i);
                clauses[count] = clause;
                count++;
                start = -1;
            }

            if (IsClauseBreak(title, i, c) && clause < byte.MaxValue)
            {
                clause++;
            }
        }

        return count;
    }

    private static bool IsClauseBreak(string title, int i, char c) => c switch
    {
        '&' or ',' or '/' or '|' or ';' or ':' or '(' or ')' or '+' or '@' or '–' or '—' or '·' or '•' => true,
        '-' => (i > 0 && char.IsWhiteSpace(title[i - 1])) || (i + 1 < title.Length && char.IsWhiteSpace(title[i + 1])),
        _ => false,
    };
}
