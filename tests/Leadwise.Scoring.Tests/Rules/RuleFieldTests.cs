using Leadwise.Core.Engagement;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Rules;

public sealed class RuleFieldTests
{
    [Fact]
    public void Read_GivesTheValueARuleTests_AndNullForAnotherKind()
    {
        var facts = Facts.Of(lead => lead with { Title = "Geschäftsführer", Country = " Germany " });

        Assert.Equal("Executive", Field("seniority").ReadText(facts, Facts.AsOf));
        Assert.Equal(" Germany ", Field("country").ReadText(facts, Facts.AsOf));
        Assert.Null(Field("country").ReadNumber(facts, Facts.AsOf));
        Assert.Null(Field("company.employees").ReadNumber(facts, Facts.AsOf));
        Assert.True(Field("companyNameValid").ReadFlag(facts, Facts.AsOf));
    }

    [Fact]
    public void ReadFlag_OfAnEventField_SeesOnlyEventsAtOrBeforeAsOf()
    {
        var facts = Facts.Of(Facts.Lead(), Facts.Event(EventTypes.CaptchaFailed, daysAgo: -1));

        Assert.False(Field("spam.captchaFailed").ReadFlag(facts, Facts.AsOf));
        Assert.True(Field("spam.captchaFailed").ReadFlag(facts, Facts.AsOf.AddDays(2)));
    }

    private static RuleField Field(string name) => RuleFields.TryGet(name, out var field) ? field : throw new InvalidOperationException(name);
}
