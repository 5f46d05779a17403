using Leadwise.Scoring.Rules;
using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Tests.Signals;

/// <summary>The engine's memos of Signals' verdicts give exactly what Signals say, before and after they fill up.</summary>
public sealed class SignalMemoTests
{
    private static readonly string[] Texts =
    [
        "Anna", "anna", "van der Berg", "van der berg", "d'Alembert", "d'alembert", "asdf", "asdfgh", "Asdfgh GmbH", "qwertz",
        "Schwertfeger", "Hertz", "aaaa", "aaa", "xxx", "sdfghjk", "Test ME", "test123", "n/a", "-", "Max Mustermann", "  ",
        "CEO", "Geschäftsführerin", "Assistenz der Geschäftsführung", "Head of Student Affairs", "Product Owner", "Ängström",
    ];

    private static readonly string[] Emails =
    [
        "anna@gmail.com", "anna@GMAIL.com", "x@mailinator.com", "x@sub.mailinator.com", "a@yahoo.co.uk", "a@Yahoo.De",
        "test@test.com", "max@example.org", "max@EXAMPLE.ORG", "test1@acme.de", "jo@acme.de", "jo@ACME.DE", "dummy@acme.de",
        "a@firma.test", "bad@", "-", "n/a", "  ", "a..b@acme.de", "sales@sub.example.com", "x@localhost",
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(1000)]
    public void Memoised_verdicts_match_signals_below_and_past_capacity(int capacity)
    {
        // Given
        var memo = new SignalMemo(capacity);

        // When / Then: twice, so the second round reads remembered verdicts
        for (var round = 0; round < 2; round++)
        {
            foreach (var text in Texts)
            {
                var verdicts = memo.Of(text, withSeniority: round == 1 || text.Length % 2 == 0);
                Assert.Equal(SpamSignals.LooksLikeKeyboardMash(text), verdicts.IsKeyboardMash);
                Assert.Equal(SpamSignals.IsPlaceholder(text), verdicts.IsPlaceholder);
                Assert.Equal(SpamSignals.IsNotCapitalised(text), verdicts.IsNotCapitalised);
                if (verdicts.HasSeniority)
                {
                    Assert.Equal(TitleSeniority.Classify(text), verdicts.Seniority);
                }
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1000)]
    public void Email_kinds_with_domain_memo_match_classify(int capacity)
    {
        // Given
        var domains = new EmailDomainMemo(capacity);

        // When / Then
        for (var round = 0; round < 2; round++)
        {
            foreach (var email in Emails)
            {
                Assert.Equal(EmailClassifier.Classify(email), EmailClassifier.ClassifyWith(email, domains));
            }
        }
    }

    [Fact]
    public void First_space_last_is_keyboard_mash_exactly_when_a_part_is()
    {
        foreach (var first in Texts)
        {
            foreach (var last in Texts)
            {
                // Given
                var name = first + " " + last;

                // When / Then
                Assert.True(LeadContext.IsFirstSpaceLast(name, first, last));
                Assert.Equal(
                    SpamSignals.LooksLikeKeyboardMash(first) || SpamSignals.LooksLikeKeyboardMash(last),
                    SpamSignals.LooksLikeKeyboardMash(name));
            }
        }

        Assert.False(LeadContext.IsFirstSpaceLast("Anna  Schmidt", "Anna", "Schmidt"));
        Assert.False(LeadContext.IsFirstSpaceLast("AnnaXSchmidt", "Anna", "Schmidt"));
        Assert.False(LeadContext.IsFirstSpaceLast("Anna Schmidt", null, "Schmidt"));
    }
}
