using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Tests.Signals;

public sealed class SignalsSmokeTests
{
    [Fact]
    public void Each_signal_answers_a_plain_case()
    {
        // Given / When / Then
        Assert.Equal(Seniority.Executive, TitleSeniority.Classify("CEO"));
        Assert.Equal(EmailKind.FreeMail, EmailClassifier.Classify("anna@gmail.com"));
        Assert.Equal("acme.de", EmailClassifier.Domain("Anna@ACME.de"));
        Assert.True(SpamSignals.IsNotCapitalised("anna"));
        Assert.True(SpamSignals.LooksLikeKeyboardMash("asdf"));
        Assert.True(SpamSignals.IsPlaceholder("n/a"));
    }
}
