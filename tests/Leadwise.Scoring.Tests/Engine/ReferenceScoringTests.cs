using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Engine;

/// <summary>
/// The optimised engine (memoised Signals, cheap reasons, parallel chunks) against the reference path, which calls
/// Signals for every lead: on a few hundred varied leads both must give the same totals, subtotals, hits and reasons.
/// </summary>
public sealed class ReferenceScoringTests
{
    private static readonly string?[] FirstNames =
    [
        "Anna", "anna", "Max", "Erika", "as", "asdf", "Qwest", "xxxx", "n/a", "-", null, "  ", "Ängström", "ängström", "d'Alembert",
        "d'alembert", "van der Berg", "van der berg", "de la Cruz", "Ng", "Li", "TEST", "Test", "Asdrubal", "John", "Jürgen", "bcdfgh",
    ];

    private static readonly string?[] LastNames =
    [
        "Schmidt", "schmidt", "Mustermann", "df", "Doe", "doe", "qwertz", "aaaa", "Schwertfeger", "Hertz", "McDonald", null, "",
        "none", "test123", "van der Berg", "von Müller", "Wertz", "sdfghjk", "O'Neill", "Nguyen", "lkjh",
    ];

    private static readonly string?[] Companies =
    [
        "Siemens AG", "Beispiel AG", "Test ME", "test me", "Asdfgh GmbH", "Schwertfeger GmbH", "-", "n/a", null, " ", "Property Ltd",
        "xxx", "Qwest", "keine Angabe", "Musterfirma", "Lorem   Ipsum", "ACME", "aaa", "SAP SE", "Hertz Autovermietung", "?",
    ];

    private static readonly string?[] Titles =
    [
        "CEO", "Geschäftsführer", "Geschäftsführerin", "Assistenz der Geschäftsführung", "Head of Sales", "Vertriebsleiterin",
        "Senior Software Engineer", "Staff Software Engineer", "Product Owner", "Owner", "Managing Director", "Director",
        "Vice President Sales", "VP Marketing", "Team Lead", "Lead Generation Specialist", "Werkstudentin Marketing",
        "Software Engineering Intern", "Partner", "Partner Manager", "Chief of Staff", "Chief Technology Officer", "-", "n/a",
        null, "asdfgh", "qwertz", "Teamleiter", "Projektleitung", "Prokurist", "Berater", "Marketing", "Founder & Developer",
        "CEO | Student", "Head of Student Affairs", "Executive Assistant", "Account Executive", "Vorstandsvorsitzender", "test",
    ];

    private static readonly string?[] Emails =
    [
        "anna.schmidt@beispiel-ag.de", "anna@gmail.com", "anna@yahoo.co.uk", "x@mailinator.com", "test@test.com",
        "test@example.com", "TEST@EXAMPLE.COM", "  test@example.com  ", "bad@", "-", "n/a", "none", null, "   ", "a@b",
        "test123@gmail.com", "verylongtestaddressnameforsure@sub.example.com", "testtesttesttesttesttest@example.org",
        "max@firma.test", "a..b@acme.de", "jo@acme.io", "sales@siemens.com",
    ];

    private static readonly string?[] Countries = ["Germany", "Deutschland", "Österreich", "CH", "France", "germany ", null, "USA"];

    private static readonly string[] EventTypeNames = [.. EventTypes.All, "unknown_event", "Page_View"];

    [Fact]
    public void Optimised_engine_scores_exactly_like_the_reference_path()
    {
        // Given
        var rules = RulesLoader.LoadDefault();
        var optimised = new ScoringEngine(rules);
        var reference = new ScoringEngine(rules, memoiseSignals: false);
        var leads = VariedLeads(600, seed: 7);

        // When: twice, so the second pass reads what the first one memoised
        var first = optimised.ScoreAll(leads, Facts.AsOf);
        var second = optimised.ScoreAll(leads, Facts.AsOf);
        var totals = new double[leads.Length];
        optimised.ScoreAll(leads, Facts.AsOf, totals);

        // Then
        for (var i = 0; i < leads.Length; i++)
        {
            var expected = reference.Score(leads[i], Facts.AsOf);
            AssertSameScore(expected, first[i]);
            AssertSameScore(expected, second[i]);
            Assert.Equal(reference.Total(leads[i], Facts.AsOf), totals[i]);
            Assert.Equal(expected.Total, totals[i], 9);
        }
    }

    [Fact]
    public void Varied_leads_exercise_every_default_rule()
    {
        // Given
        var engine = new ScoringEngine(RulesLoader.LoadDefault(), memoiseSignals: false);

        // When
        var fired = VariedLeads(600, seed: 7)
            .SelectMany(lead => engine.Score(lead, Facts.AsOf).Hits)
            .Select(hit => hit.RuleId)
            .ToHashSet(StringComparer.Ordinal);

        // Then: the comparison above covers each rule firing
        Assert.All(engine.Rules.Rules, rule => Assert.Contains(rule.Id, fired));
    }

    private static void AssertSameScore(LeadScore expected, LeadScore actual)
    {
        Assert.Equal(expected.LeadId, actual.LeadId);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Grade, actual.Grade);
        Assert.Equal(expected.Subtotals.OrderBy(p => p.Key), actual.Subtotals.OrderBy(p => p.Key));
        Assert.Equal(expected.Hits.Count, actual.Hits.Count);
        for (var h = 0; h < expected.Hits.Count; h++)
        {
            Assert.Equal(expected.Hits[h], actual.Hits[h]);
        }
    }

    private static LeadFacts[] VariedLeads(int count, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        var leads = new LeadFacts[count];
        for (var i = 0; i < count; i++)
        {
            var firstName = Pick(FirstNames);
            var lastName = Pick(LastNames);
            var name = random.Next(6) switch
            {
                0 => null,
                1 => Pick(["Max Mustermann", "john doe", "asdf qwer", "Anna Schmidt", "as df", "-", "Anna  Schmidt"]),
                2 => firstName + "  " + lastName,
                3 => (firstName + lastName)?.Trim(),
                _ => firstName + " " + lastName,
            };
            var lead = Facts.Lead() with
            {
                Id = new Core.Outreach.LeadId(i + 1),
                FirstName = firstName,
                LastName = lastName,
                Name = name,
                CompanyName = Pick(Companies),
                Title = Pick(Titles),
                Email = Pick(Emails),
                Country = Pick(Countries),
                Replied = random.Next(4) switch { 0 => null, 1 => true, _ => false },
                InviteAccepted = random.Next(3) == 0,
            };
            var events = new EngagementEvent[random.Next(random.Next(4) == 0 ? 25 : 6)];
            for (var e = 0; e < events.Length; e++)
            {
                var type = Pick(EventTypeNames);
                var at = random.Next(5) == 0
                    ? Facts.AsOf.AddSeconds(-random.Next(40))
                    : Facts.AsOf.AddHours(-random.Next(-48, 24 * 200));
                events[e] = Facts.EventAt(type, at);
            }

            if (i % 10 == 0)
            {
                // a bot: form submissions seconds apart, some within the burst rule's 10 s
                events = [.. events, .. Enumerable.Range(0, 3).Select(k => Facts.EventAt(EventTypes.FormSubmitted, Facts.AsOf.AddSeconds(-600 + (k * random.Next(3, 7)))))];
            }

            var company = random.Next(3) == 0
                ? null
                : new CompanyProfile
                {
                    Name = lead.CompanyName ?? "Acme",
                    Employees = Pick<int?>([null, 5, 10, 49, 50, 200, 5000, 5001]),
                    Industry = Pick(["Software", "SaaS", "Retail", "IT Services", "Internet", null]),
                    TargetMarket = Pick(["B2B", "B2C", "Enterprise", null]),
                };
            leads[i] = Facts.Of(lead, events) with { Company = company };
        }

        return leads;
    }
}
