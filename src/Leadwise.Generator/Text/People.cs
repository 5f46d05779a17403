using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Text;

/// <summary>Name, place and title tables for leads (immutable).</summary>
internal static class People
{
    public static readonly string[] GermanMaleFirst = ["Jürgen", "Thomas", "Michael", "Stefan", "Andreas", "Markus", "Jörg", "Sebastian", "Tobias", "Lukas", "Jonas", "Felix", "Matthias", "Björn", "Uwe", "Klaus", "Maximilian", "Florian", "Dominik", "Sören"];
    public static readonly string[] GermanFemaleFirst = ["Anna", "Julia", "Katharina", "Sabine", "Jülide", "Sandra", "Nicole", "Lena", "Laura", "Hannah", "Bärbel", "Claudia", "Stefanie", "Miriam", "Franziska", "Jana", "Lea", "Sophie", "Birgit", "Annika"];
    public static readonly string[] GermanLast = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Weiß", "Öztürk", "Jäger", "Groß", "Köhler", "Lehmann"];
    public static readonly string[] EnglishMaleFirst = ["James", "John", "Robert", "David", "William", "Daniel", "Matthew", "Oliver", "Harry", "George", "Jack", "Liam", "Noah", "Ethan", "Sander", "Daan", "Erik", "Sean"];
    public static readonly string[] EnglishFemaleFirst = ["Mary", "Emma", "Olivia", "Sophia", "Emily", "Charlotte", "Amelia", "Grace", "Chloe", "Sarah", "Jessica", "Lotte", "Sanne", "Astrid", "Siobhan", "Hannah"];
    public static readonly string[] EnglishLast = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "O'Brien", "de Vries", "van Dijk", "Jansen", "Andersson", "Murphy", "Clarke", "Hughes"];

    public static readonly string[] SpamFirst = ["asdf", "qwertz", "jkl", "xxx", "aaa", "qwe", "test"];
    public static readonly string[] SpamLast = ["asdf", "ölkj", "yxcv", "xxx", "sdfg", "123", "test"];

    /// <summary>(country, cities, email top-level domain) for German-speaking leads: DE, AT, CH.</summary>
    public static readonly Place[] GermanPlaces =
    [
        new("Germany", ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Nürnberg", "Hannover"], "de", 0.75),
        new("Austria", ["Wien", "Graz", "Linz", "Salzburg"], "at", 0.13),
        new("Switzerland", ["Zürich", "Basel", "Bern", "Genf"], "ch", 0.12),
    ];

    public static readonly Place[] EnglishPlaces =
    [
        new("United Kingdom", ["London", "Manchester", "Birmingham", "Leeds", "Edinburgh"], "co.uk", 0.35),
        new("United States", ["New York", "San Francisco", "Austin", "Chicago", "Boston"], "com", 0.33),
        new("Netherlands", ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"], "nl", 0.15),
        new("Ireland", ["Dublin", "Cork"], "ie", 0.09),
        new("Sweden", ["Stockholm", "Göteborg"], "se", 0.08),
    ];

    private static readonly string[][] GermanTitles =
    [
        ["Werkstudent", "Praktikant", "Student", "Working Student", "Auszubildender"],
        ["Sachbearbeiter", "Entwickler", "Software Engineer", "Kundenberater", "Consultant", "Account Executive", "Referent"],
        ["Projektmanager", "Teamleiter", "Key Account Manager", "Product Manager", "Senior Consultant", "Marketing Manager"],
        ["Leiter Vertrieb", "Leiter Einkauf", "Head of Sales", "Head of Marketing", "Bereichsleiter", "Director Operations", "VP Sales"],
        ["Geschäftsführer", "Inhaber", "CEO", "Founder", "Co-Founder", "Vorstand", "Managing Director", "CTO"],
    ];

    private static readonly string[][] GermanFemaleTitles =
    [
        ["Werkstudentin", "Praktikantin", "Studentin", "Working Student", "Auszubildende"],
        ["Sachbearbeiterin", "Entwicklerin", "Software Engineer", "Kundenberaterin", "Consultant", "Account Executive", "Referentin"],
        ["Projektmanagerin", "Teamleiterin", "Key Account Managerin", "Product Manager", "Senior Consultant", "Marketing Managerin"],
        ["Leiterin Vertrieb", "Leiterin Einkauf", "Head of Sales", "Head of Marketing", "Bereichsleiterin", "Director Operations", "VP Sales"],
        ["Geschäftsführerin", "Inhaberin", "CEO", "Founder", "Co-Founder", "Vorständin", "Managing Director", "CTO"],
    ];

    private static readonly string[][] EnglishTitles =
    [
        ["Student", "Intern", "Working Student", "Trainee", "Graduate Assistant"],
        ["Software Engineer", "Sales Representative", "Analyst", "Consultant", "Account Executive", "Associate", "Specialist"],
        ["Manager", "Project Manager", "Team Lead", "Product Manager", "Senior Consultant", "Marketing Manager", "Operations Manager"],
        ["Head of Sales", "Head of Marketing", "Head of Operations", "Director", "Director of Sales", "VP Sales", "VP Engineering"],
        ["CEO", "Founder", "Co-Founder", "Owner", "Managing Director", "CTO", "Partner", "President"],
    ];

    /// <summary>Departments that make "Head of …" titles industry-flavoured.</summary>
    private static readonly string[] HeadOfDepartment = ["IT", "Logistics", "Consulting", "Finance", "Production", "Medical Affairs", "E-Commerce"];

    public static string Title(Seniority seniority, Industry industry, Language language, Gender gender, ref Simulation.StreamRandom random)
    {
        var level = (int)seniority;
        if (level == (int)Seniority.Head && random.Chance(0.25))
        {
            return "Head of " + HeadOfDepartment[(int)industry];
        }

        // German-speaking leads use English titles about a third of the time.
        if (language == Language.German && random.Chance(0.65))
        {
            return random.Pick(gender == Gender.Female ? GermanFemaleTitles[level] : GermanTitles[level]);
        }

        return random.Pick(EnglishTitles[level]);
    }
}
