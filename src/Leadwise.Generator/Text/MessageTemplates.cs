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
    private static readonly Phrase[] GermanInvite =
    [
        new("ich bin auf Ihr Profil gestoßen und würde mich gerne mit Ihnen vernetzen.", +0.00),
        new("wir arbeiten mit Unternehmen wie Ihrem zusammen – gerne würde ich mich mit Ihnen vernetzen.", +0.35),
        new("Ihr Profil hat mich neugierig gemacht, lassen Sie uns vernetzen!", -0.35),
    ];

    private static readonly Phrase[] GermanFollowUp =
    [
        new("danke für die Vernetzung! Ich wollte kurz nachhaken.", +0.25),
        new("ich melde mich noch einmal kurz zu meiner letzten Nachricht.", -0.30),
        new("nur eine kurze Erinnerung an meine Nachricht von letzter Woche.", -0.20),
        new("schön, dass wir jetzt vernetzt sind. Ein kurzer Gedanke dazu:", +0.30),
    ];

    private static readonly Phrase[] GermanLong =
    [
        new("Wir helfen Vertriebsteams, planbar neue Termine zu gewinnen – ohne Kaltakquise am Telefon, ohne \"Spray and Pray\" und mit messbaren Ergebnissen.", +0.20),
        new("Unsere Kunden, z. B. aus Logistik, Maschinenbau und Software, gewinnen so im Schnitt zwölf qualifizierte Gespräche pro Monat.", +0.30),
        new("Dabei übernehmen wir Recherche, Texte und das Nachfassen, sodass sich Ihr Team auf Abschlüsse konzentrieren kann.", -0.10),
        new("Größere Budgets sind dafür übrigens nicht nötig: Wir starten klein, testen und skalieren nur, was funktioniert.", -0.25),
    ];

    private static readonly Phrase[] GermanQuestion =
    [
        new("Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?", -0.20),
        new("Wäre das grundsätzlich ein Thema für Sie?", +0.25),
        new("Darf ich Ihnen dazu ein paar Details schicken?", +0.10),
    ];

    private static readonly Phrase[] GermanLink =
    [
        new("Hier finden Sie eine kurze Fallstudie: https://example.com/fallstudie", +0.15),
        new("Einen Termin können Sie direkt hier buchen: https://calendly.com/leadwise-demo/15min", -0.20),
    ];

    private static readonly string[] GermanClosing = ["Viele Grüße", "Beste Grüße", "Liebe Grüße aus Hamburg", "Herzliche Grüße"];

    private static readonly Phrase[] EnglishInvite =
    [
        new("I came across your profile and would love to connect.", +0.00),
        new("we work with companies like yours, so I'd be glad to connect.", +0.35),
        new("your profile caught my eye, let's connect!", -0.35),
    ];

    private static readonly Phrase[] EnglishFollowUp =
    [
        new("thanks for connecting! Just a quick follow-up.", +0.25),
        new("I wanted to bring my last message back to the top of your inbox.", -0.30),
        new("a short reminder of my note from last week.", -0.20),
        new("great to be connected. One quick thought:", +0.30),
    ];

    private static readonly Phrase[] EnglishLong =
    [
        new("We help sales teams book meetings predictably – no cold calling, no \"spray and pray\", and results you can measure.", +0.20),
        new("Our clients, e.g. in logistics, manufacturing and software, win twelve qualified conversations a month on average.", +0.30),
        new("We handle research, copy and follow-ups, so your team can focus on closing.", -0.10),
        new("It doesn't take a big budget, either: we start small, test, and scale only what works.", -0.25),
    ];

    private static readonly Phrase[] EnglishQuestion =
    [
        new("Would you have 15 minutes next week for a quick call?", -0.20),
        new("Is this something on your radar this quarter?", +0.25),
        new("May I send you a few details?", +0.10),
    ];

    private static readonly Phrase[] EnglishLink =
    [
        new("Here's a short case study: https://example.com/case-study", +0.15),
        new("You can book a slot directly here: https://calendly.com/leadwise-demo/15min", -0.20),
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

    /// <summary>
    /// The message's content and its wording effect: the sum of the effects of the phrases it was built from (the
    /// salutation, closing and sender carry none). The true model adds <see cref="TrueModelParameters.WordingScale"/> × that
    /// sum to the message's quality.
    /// </summary>
    public static WrittenMessage Content(MessageProfile profile, ref StreamRandom random)
    {
        var german = profile.Language == Language.German;
        var invite = profile.Key.Order == 0;
        var text = new StringBuilder(512);
        var wording = 0.0;
        void Append(Phrase phrase)
        {
            text.Append(phrase.Text);
            wording += phrase.Effect;
        }

        text.Append(profile.IsPersonalised ? "{{ salutation }} {{ first_name }}," : "{{ salutation }},");
        text.Append('\n');
        Append(random.Pick(german ? (invite ? GermanInvite : GermanFollowUp) : (invite ? EnglishInvite : EnglishFollowUp)));
        if (profile.IsLong)
        {
            var pool = german ? GermanLong : EnglishLong;
            var paragraphs = invite ? 1 : 2 + random.Next(2);
            var first = random.Next(pool.Length);
            for (var i = 0; i < paragraphs; i++)
            {
                text.Append("\n\n");
                Append(pool[(first + i) % pool.Length]);
            }
        }

        if (profile.HasLink)
        {
            text.Append("\n\n");
            Append(random.Pick(german ? GermanLink : EnglishLink));
        }

        if (profile.HasQuestion)
        {
            text.Append("\n\n");
            Append(random.Pick(german ? GermanQuestion : EnglishQuestion));
        }

        if (!invite || profile.IsLong)
        {
            text.Append("\n\n").Append(random.Pick(german ? GermanClosing : EnglishClosing)).Append(",\n").Append(random.Pick(SenderNames));
        }

        return new WrittenMessage(text.ToString(), wording);
    }

    /// <summary>A phrase of a template pool and its effect on the reply logit (before <see cref="TrueModelParameters.WordingScale"/>).</summary>
    private readonly record struct Phrase(string Text, double Effect);
}
