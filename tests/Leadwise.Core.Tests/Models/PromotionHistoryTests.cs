using Leadwise.Core.Models;

namespace Leadwise.Core.Tests.Models;

public sealed class PromotionHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static PromotionHistory History(params int[] versions) =>
        new(versions.Select((v, i) => new ModelPromotion(ModelKinds.Conversion, v, Start.AddHours(i))));

    [Fact]
    public void Empty_HasNoCurrentAndNothingToRollBackTo()
    {
        var history = History();

        Assert.Null(history.Current);
        Assert.Null(history.RollbackTarget());
    }

    [Fact]
    public void OnePromotion_IsCurrentWithNothingToRollBackTo()
    {
        var history = History(3);

        Assert.Equal(3, history.Current);
        Assert.Null(history.RollbackTarget());
    }

    [Fact]
    public void RollbackTarget_IsThePreviouslyPromotedVersion()
    {
        Assert.Equal(2, History(1, 2, 5).RollbackTarget());
    }

    [Fact]
    public void RollingBackTwice_GoesTwoStepsBack_NotBackAndForth()
    {
        // 1 → 2 → 3, then a rollback to 2 (recorded as a promotion of 2): the next rollback goes to 1, not 3.
        var history = History(1, 2, 3, 2);

        Assert.Equal(2, history.Current);
        Assert.Equal(1, history.RollbackTarget());
        Assert.Null(History(1, 2, 3, 2, 1).RollbackTarget());
    }

    [Fact]
    public void PromotingTheCurrentVersionAgain_ChangesNothing()
    {
        Assert.Equal(1, History(1, 2, 2).RollbackTarget());
    }
}
