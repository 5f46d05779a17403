using Leadwise.Learning.Model;

namespace Leadwise.Learning.Tests.Model;

public sealed class GradeBandsTests
{
    [Theory]
    [InlineData(0.5, "A")]
    [InlineData(0.4, "A")]
    [InlineData(0.39, "B")]
    [InlineData(0.25, "B")]
    [InlineData(0.1, "C")]
    [InlineData(0.09, "D")]
    public void Grade_UsesLowerBounds(double probability, string grade) =>
        Assert.Equal(grade, GradeBands.Parse("0.4, 0.25, 0.1").Grade(probability));

    [Theory]
    [InlineData("0.4,0.25")]
    [InlineData("0.4,0.5,0.1")]
    [InlineData("1.2,0.5,0.1")]
    [InlineData("a,b,c")]
    public void Parse_RejectsBandsThatAreNotThreeDescendingProbabilities(string text) =>
        Assert.Throws<FormatException>(() => GradeBands.Parse(text));

    [Fact]
    public void FromShares_PutsTheTopTenPercentInA_AndKeepsEveryGradeReachableWithTies()
    {
        var spread = GradeBands.FromShares([.. Enumerable.Range(1, 100).Select(i => i / 100.0)]);
        var tied = GradeBands.FromShares([.. Enumerable.Repeat(0.2, 50)]);

        Assert.Equal((0.91, 0.71, 0.41), (spread.A, spread.B, spread.C));
        Assert.True(tied.A > tied.B && tied.B > tied.C);
    }
}
