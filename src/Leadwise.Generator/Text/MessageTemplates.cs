using System.Globalization;
using System.Text;
using Leadwise.Generator.Simulation;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Text;

/// <summary>
/// Builds message content whose visible features match its profile exactly: "{{ first_name }}" only when
/// personalised, '?' only with a question, "http" only with a link; long messages have extra paragraphs.
/// </summary>
internal static class MessageTemplates
{
    private static readonly string[] GermanInvite =
    [
        "ich bin auf Ihr Profil gestoßen und würde mich gerne mit Ihnen vernetzen.",
        "wir arbeiten mit Unternehmen wie Ihrem zusammen – gerne würde ich mich mit Ihnen vernetzen.",
        "Ihr Profil hat mich neugierig gemacht, lassen Sie uns vernetzen!",
    ];

    private static readonly string[] GermanFollowUp =
    [
        "danke für die Vernetzung! Ich wollte kurz nachhaken.",
        "ich melde mich noch einmal kurz zu meiner letzten Nachricht.",
        "nur eine kurze Erinnerung an meine Nachricht von letzter Woche.",
        "schön, dass wir jetzt vernetzt sind. Ein kurzer Gedanke dazu:",
    ];

    private static readonly string[] GermanLong =
    [
        "Wir helfen Vertriebsteams, planbar neue Termine zu gewinnen – ohne Kaltakquise am Telefon, ohne \"Spray and Pray\" und mit messbaren Ergebnissen.",
        "Unsere Kunden, z. B. aus Logistik, Maschinenbau und Software, gewinnen so im Schnitt zwölf qualifizierte Gespräche pro Monat.",
        "Dabei übernehmen wir Recherche, Texte und das Nachfassen, sodass sich Ihr Team auf Abschlüsse konzentrieren kann.",
        "Größere Budgets sind dafür übrigens nicht nötig: Wir starten klein, testen und skalieren nur, was funktioniert.",
    ];

    private static readonly string[] GermanQuestion =
    [
        "Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?",
        "Wäre das grundsätzlich ein Thema für Sie?",
        "Darf ich Ihnen dazu ein paar Details schicken?",
    ];

    private static readonly string[] GermanLink =
    [
        "Hier finden Sie eine kurze Fallstudie: https://example.com/fallstudie",
        "Einen Termin können Sie direkt hier buchen: https://calendly.com/leadwise-demo/15min",
    ];

    private static readonly string[] GermanClosing = ["Viele Grüße", "Beste Grüße", "Liebe Grüße aus Hamburg", "Herzliche Grüße"];

    private static readonly string[] EnglishInvite =
    [
        "I came across your profile and would love to connect.",
        "we work with companies like yours, so I'd be glad to connect.",
        "your profile caught my eye, let's connect!",
    ];

    private static readonly string[] EnglishFollowUp =
    [
        "thanks for connecting! Just a quick follow-up.",
        "I wanted to bring my last message back to the top of your inbox.",
        "a short reminder of my note from last week.",
        "great to be connected. One quick thought:",
    ];

    private static readonly string[] EnglishLong =
    [
        "We help sales teams book meetings predictably – no cold calling, no \"spray and pray\", and results you can measure.",
        "Our clients, e.g. in logistics, manufacturing and software, win twelve qualified conversations a month on average.",
        "We handle research, copy and follow-ups, so your team can focus on closing.",
        "It doesn't take a big budget, either: we start small, test, and scale only what works.",
    ];

    private static readonly string[] EnglishQuestion =
    [
        "Would you have 15 minutes next week for a quick call?",
        "Is this something on your radar this quarter?",
        "May I send you a few details?",
    ];

    private static readonly string[] EnglishLink =
    [
        "Here's a short case study: https://example.com/case-study",
        "You can book a slot directly here: https://calendly.com/leadwise-demo/15min",
    ];

    private static readonly string[] EnglishClosing = ["Best regards", "Kind regards", "Cheers", "Best"];

    private static readonly string[] SenderNames = ["Jonas", "Lisa", "Tim", "Katrin", "Ben", "Sarah", "Mark", "Jülide"];

    /// <summary>(male, female) salutations per language.</summary>
    public static (string Male, string Female) Salutations(Language language, ref StreamRandom random)
    {
        var roll = random.NextDouble();
        return language == Language.German
            ? roll switch
            {
                < 0.45 => ("Hallo Herr", "Hallo Frau"),
                < 0.70 => ("Hallo", "Hallo"),
                < 0.85 => ("Moin", "Moin"),
                _ => ("Guten Tag Herr", "Guten Tag Frau"),
            }
            : roll switch
            {
                < 0.30 => ("Dear", "Dear"),
                < 0.85 => ("Hi", "Hi"),
                _ => ("Hello", "Hello"),
            };
    }

    public static string Name(Language language, int order) => (language, order) switch
    {
        (Language.German, 0) => "Vernetzungsanfrage",
        (Language.German, _) => string.Create(CultureInfo.InvariantCulture, $"{order}. Nachfassen"),
        (_, 0) => "Connection request",
        _ => string.Create(CultureInfo.InvariantCulture, $"Follow-up {order}"),
    };

    public static string Content(MessageProfile profile, ref StreamRandom random)
    {
        var german = profile.Language == Language.German;
        var invite = profile.Key.Order == 0;
        var text = new StringBuilder(512);
        text.Append(profile.IsPersonalised ? "{{ salutation }} {{ first_name }}," : "{{ salutation }},");
        text.Append('\n');
        text.Append(random.Pick(german ? (invite ? GermanInvite : GermanFollowUp) : (invite ? EnglishInvite : EnglishFollowUp)));
        if (profile.IsLong)
        {
            var pool = german ? GermanLong : EnglishLong;
            var paragraphs = invite ? 1 : 2 + random.Next(2);
            var first = random.Next(pool.Length);
            for (var i = 0; i < paragraphs; i++)
            {
                text.Append("\n\n").Append(pool[(first + i) % pool.Length]);
            }
        }

        if (profile.HasLink)
        {
            text.Append("\n\n").Append(random.Pick(german ? GermanLink : EnglishLink));
        }

        if (profile.HasQuestion)
        {
            text.Append("\n\n").Append(random.Pick(german ? GermanQuestion : EnglishQuestion));
        }

        if (!invite || profile.IsLong)
        {
            text.Append("\n\n").Append(random.Pick(german ? GermanClosing : EnglishClosing)).Append(",\n").Append(random.Pick(SenderNames));
        }

        return text.ToString();
    }
}
