using System.Collections.Frozen;

namespace Leadwise.Scoring.Signals;

/// <summary>The word tables behind <see cref="TitleSeniority"/>; immutable, built once.</summary>
public static partial class TitleSeniority
{
    private static readonly FrozenDictionary<string, TitleWordKind> Words = BuildWords();

    private static readonly FrozenDictionary<string, TitleWordKind>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>German compounds are classified by their last part ("Vertriebsleiterin"); first match wins, so specific before general.</summary>
    private static readonly (string Suffix, TitleWordKind Kind)[] Suffixes =
    [
        ("assistentin", TitleWordKind.Support), ("assistent", TitleWordKind.Support), ("assistenz", TitleWordKind.Support),
        ("sekretärin", TitleWordKind.Support), ("sekretär", TitleWordKind.Support), ("referentin", TitleWordKind.Support),
        ("referent", TitleWordKind.Support),
        ("werkstudentin", TitleWordKind.Student), ("werkstudent", TitleWordKind.Student), ("studentin", TitleWordKind.Student),
        ("student", TitleWordKind.Student), ("praktikantin", TitleWordKind.Student), ("praktikant", TitleWordKind.Student),
        ("auszubildende", TitleWordKind.Student), ("auszubildender", TitleWordKind.Student),
        ("geschäftsführerin", TitleWordKind.Executive), ("geschäftsführer", TitleWordKind.Executive),
        ("geschaeftsfuehrerin", TitleWordKind.Executive), ("geschaeftsfuehrer", TitleWordKind.Executive),
        ("gründerin", TitleWordKind.Executive), ("gründer", TitleWordKind.Executive),
        ("gruenderin", TitleWordKind.Executive), ("gruender", TitleWordKind.Executive),
        ("inhaberin", TitleWordKind.Executive), ("inhaber", TitleWordKind.Executive),
        ("vorständin", TitleWordKind.Executive), ("vorstand", TitleWordKind.Executive),
        ("gesellschafterin", TitleWordKind.Executive), ("gesellschafter", TitleWordKind.Executive),
        ("teamleiterin", TitleWordKind.Manager), ("teamleiter", TitleWordKind.Manager), ("teamleitung", TitleWordKind.Manager),
        ("gruppenleiterin", TitleWordKind.Manager), ("gruppenleiter", TitleWordKind.Manager), ("gruppenleitung", TitleWordKind.Manager),
        ("projektleiterin", TitleWordKind.Manager), ("projektleiter", TitleWordKind.Manager), ("projektleitung", TitleWordKind.Manager),
        ("schichtleiterin", TitleWordKind.Manager), ("schichtleiter", TitleWordKind.Manager),
        ("filialleiterin", TitleWordKind.Manager), ("filialleiter", TitleWordKind.Manager),
        ("leiterin", TitleWordKind.Director), ("leiter", TitleWordKind.Director), ("leitung", TitleWordKind.Director),
        ("direktorin", TitleWordKind.Director), ("direktor", TitleWordKind.Director),
        ("managerin", TitleWordKind.Manager), ("manager", TitleWordKind.Manager),
        ("architektin", TitleWordKind.Senior), ("architekt", TitleWordKind.Senior), ("architect", TitleWordKind.Senior),
        ("entwicklerin", TitleWordKind.Individual), ("entwickler", TitleWordKind.Individual),
        ("beraterin", TitleWordKind.Individual), ("berater", TitleWordKind.Individual),
        ("ingenieurin", TitleWordKind.Individual), ("ingenieur", TitleWordKind.Individual),
        ("technikerin", TitleWordKind.Individual), ("techniker", TitleWordKind.Individual),
        ("spezialistin", TitleWordKind.Individual), ("spezialist", TitleWordKind.Individual),
        ("programmiererin", TitleWordKind.Individual), ("programmierer", TitleWordKind.Individual),
        ("mitarbeiterin", TitleWordKind.Individual), ("mitarbeiter", TitleWordKind.Individual),
        ("kauffrau", TitleWordKind.Individual), ("kaufmann", TitleWordKind.Individual),
        ("designerin", TitleWordKind.Individual), ("designer", TitleWordKind.Individual),
        ("engineer", TitleWordKind.Individual), ("developer", TitleWordKind.Individual),
    ];

    /// <summary>German compounds whose first part decides ("Geschäftsführungsmitglied", "Vorstandsvorsitzender").</summary>
    private static readonly (string Prefix, TitleWordKind Kind)[] Prefixes =
    [
        ("geschäftsführ", TitleWordKind.Executive), ("geschaeftsfuehr", TitleWordKind.Executive),
        ("vorstand", TitleWordKind.Executive), ("aufsichtsrat", TitleWordKind.Executive),
    ];

    /// <summary>Words after "lead" that make it the thing handled, not a rank ("Lead Generation Specialist").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadObjects = SpanSet(
        "generation", "gen", "generierung", "management", "qualification", "qualifizierung", "nurturing", "scoring", "routing");

    /// <summary>Words after "staff" that make it the senior engineering rank ("Staff Software Engineer").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StaffFollowers = SpanSet(
        "engineer", "software", "developer", "scientist", "data", "designer", "architect", "researcher", "product",
        "machine", "ml", "security", "frontend", "backend", "fullstack", "platform", "infrastructure", "site", "research", "ux");

    /// <summary>Words before "owner" that make it a responsibility, not ownership ("Product Owner").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OwnerRoles = SpanSet(
        "product", "process", "service", "data", "system", "content", "account", "feature", "platform", "budget",
        "risk", "application", "solution", "technical", "channel", "prozess");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanSet(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, TitleWordKind> BuildWords()
    {
        var words = new Dictionary<string, TitleWordKind>(StringComparer.OrdinalIgnoreCase);

        void Add(TitleWordKind kind, params string[] list)
        {
            foreach (var word in list)
            {
                words.Add(word, kind);
            }
        }

        Add(TitleWordKind.Executive,
            "ceo", "cto", "cfo", "coo", "cmo", "cio", "cpo", "cro", "cso", "cdo", "cco", "chro", "ciso", "cxo", "cbo",
            "founder", "founders", "cofounder", "proprietor", "entrepreneur", "chairman", "chairwoman", "chairperson", "chair",
            "board", "präsident", "präsidentin", "praesident", "praesidentin",
            "geschäftsführer", "geschäftsführerin", "geschäftsführender", "geschäftsführende", "geschäftsführung",
            "geschaeftsfuehrer", "geschaeftsfuehrerin", "geschaeftsfuehrender", "geschaeftsfuehrende", "geschaeftsfuehrung",
            "geschäftsleitung", "geschaeftsleitung", "inhaber", "inhaberin", "vorstand", "vorständin", "vorstandsvorsitzender",
            "vorstandsvorsitzende", "vorsitzender", "vorsitzende", "gründer", "gründerin", "gruender", "gruenderin",
            "gesellschafter", "gesellschafterin", "unternehmer", "unternehmerin", "selbstständig", "selbständig");
        Add(TitleWordKind.Director,
            "directors", "direktor", "direktorin", "head", "vp", "svp", "evp", "avp", "vicepresident", "vizepräsident",
            "vizepräsidentin", "vizepraesident", "vizepraesidentin", "leiter", "leiterin", "leitung", "prokurist", "prokuristin");
        Add(TitleWordKind.Manager,
            "managerin", "supervisor", "teamlead", "teamleader", "leader", "teamleiter", "teamleiterin", "teamleitung");
        Add(TitleWordKind.Senior, "senior", "sr", "snr", "principal", "leitender", "leitende", "leitend");
        Add(TitleWordKind.Individual,
            "engineer", "developer", "dev", "programmer", "consultant", "specialist", "analyst", "analystin", "associate",
            "designer", "designerin", "administrator", "admin", "accountant", "buchhalter", "buchhalterin", "coordinator",
            "koordinator", "koordinatorin", "representative", "rep", "agent", "executive", "scientist", "researcher",
            "technician", "sachbearbeiter", "sachbearbeiterin", "clerk", "recruiter", "marketer", "writer", "editor",
            "redakteur", "redakteurin", "trainer", "trainerin", "teacher", "lehrer", "lehrerin", "tester", "expert",
            "experte", "expertin", "fachkraft", "freelancer", "freiberufler", "freiberuflerin", "employee", "junior", "jr",
            "operator", "advisor", "adviser", "member", "angestellter", "angestellte");
        Add(TitleWordKind.Student,
            "student", "studentin", "students", "studentische", "studentischer", "studierende", "studierender", "intern",
            "internship", "praktikum", "trainee",
            "azubi", "apprentice", "lehrling", "volontär", "volontärin", "doktorand", "doktorandin", "werkstudent", "werkstudentin");
        Add(TitleWordKind.Support,
            "assistant", "assistent", "assistentin", "assistenz", "secretary", "sekretär", "sekretärin", "referent", "referentin");
        Add(TitleWordKind.Chief, "chief");
        Add(TitleWordKind.Officer, "officer");
        Add(TitleWordKind.President, "president");
        Add(TitleWordKind.Vice, "vice", "vize");
        Add(TitleWordKind.Partner, "partner", "partnerin");
        Add(TitleWordKind.Owner, "owner", "owners");
        Add(TitleWordKind.Lead, "lead");
        Add(TitleWordKind.Staff, "staff");
        Add(TitleWordKind.DirectorWord, "director");
        Add(TitleWordKind.ManagerWord, "manager");
        Add(TitleWordKind.Managing, "managing");
        Add(TitleWordKind.General, "general");
        Add(TitleWordKind.ObjectPreposition, "of", "for", "für", "fuer");
        Add(TitleWordKind.Preposition, "at", "bei", "in", "and", "und", "der", "des", "von", "with");

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static TitleWordKind KindOf(ReadOnlySpan<char> word)
    {
        if (WordLookup.TryGetValue(word, out var kind))
        {
            return kind;
        }

        if (word.Length < 6)
        {
            return TitleWordKind.None;
        }

        foreach (var (suffix, suffixKind) in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return suffixKind;
            }
        }

        foreach (var (prefix, prefixKind) in Prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefixKind;
            }
        }

        return TitleWordKind.None;
    }
}
