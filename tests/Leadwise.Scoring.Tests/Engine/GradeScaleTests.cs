using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Engine;

public sealed class GradeScaleTests
{
    [Theory]
    [InlineData(80, "A")]
    [InlineData(79.999, "B")]
    [InlineData(60, "B")]
    [InlineData(59.999, "C")]
    [InlineData(40, "C")]
    [InlineData(39.999, "D")]
    [InlineData(-100, "D")]
    [InlineData(1000, "A")]
    public void Default_grades_at_the_boundaries(double total, string grade)
    {
        // Given / When / Then
        Assert.Equal(grade, GradeScale.Default.Of(total));
    }

    [Fact]
    public void Grades_come_from_the_rules_file()
    {
        // Given
        var rules = RulesLoader.Parse("grades:\n  - {grade: Hot, min: 50}\n  - {grade: Warm, min: 0}\n  - {grade: Cold}\nrules: []\n");

        // When / Then
        Assert.Equal("Hot", rules.Grades.Of(50));
        Assert.Equal("Warm", rules.Grades.Of(49.9));
        Assert.Equal("Cold", rules.Grades.Of(-0.1));
    }
}
