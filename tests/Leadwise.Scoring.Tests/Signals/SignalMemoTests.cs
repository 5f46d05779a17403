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
