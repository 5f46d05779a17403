using System.Globalization;
using Leadwise.Data.Export;

namespace Leadwise.Data.Tests.Export;

public sealed class ExportValuesTests
{
    [Theory]
    [InlineData("2023-10-19 10:31:45.096+00", "2023-10-19T10:31:45.0960000+00:00")]
    [InlineData("2023-10-19 10:31:45+00", "2023-10-19T10:31:45.0000000+00:00")]
    [InlineData("2023-10-19 12:31:45+02", "2023-10-19T10:31:45.0000000+00:00")]
    [InlineData("2023-10-19 16:01:45.5+05:30", "2023-10-19T10:31:45.5000000+00:00")]
    [InlineData("2023-10-19 16:01:45+0530", "2023-10-19T10:31:45.0000000+00:00")]
    [InlineData("2023-10-19 05:31:45-05", "2023-10-19T10:31:45.0000000+00:00")]
    [InlineData("2023-10-19T10:31:45.096Z", "2023-10-19T10:31:45.0960000+00:00")]
    [InlineData("2023-10-19 10:31:45.1234567+00", "2023-10-19T10:31:45.1234570+00:00")]
    [InlineData("2024-02-29 00:30:00+01", "2024-02-28T23:30:00.0000000+00:00")]
    public void TryParseTimestamp_WhenValid_ReturnsUtc(string text, string expected)
    {
        // When
        var parsed = ExportValues.TryParseTimestamp(text, out var value);

        // Then
        Assert.True(parsed);
        Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023-10-19 10:31:45")]
    [InlineData("2023-10-19 10:31:45.096")]
    [InlineData("2023-10-19 10:31:45.+00")]
    [InlineData("2023-10-19 10:31:45.12345678+00")]
    [InlineData("2023-10-19 10:31:45+0")]
    [InlineData("2023-10-19 10:31:45+16")]
    [InlineData("2023-10-19 10:31:45+02:60")]
    [InlineData("2023-13-19 10:31:45+00")]
    [InlineData("2023-02-29 10:31:45+00")]
    [InlineData("2023-10-19 10:60:45+00")]
    [InlineData("2023/10/19 10:31:45+00")]
    [InlineData("2023-10-19 10:31:45+00 ")]
    public void TryParseTimestamp_WhenMalformed_ReturnsFalse(string text)
    {
        Assert.False(ExportValues.TryParseTimestamp(text, out _));
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00+05")]
    [InlineData("9999-12-31 23:59:59-01")]
    [InlineData("9999-12-31 23:59:59.9999999+00")]
    public void TryParseTimestamp_WhenUtcFallsOutsideTheCalendar_ReturnsFalseInsteadOfThrowing(string text)
    {
        Assert.False(ExportValues.TryParseTimestamp(text, out _));
    }

    [Theory]
    [InlineData("2023-10-19T10:31:45.0960000+00:00", "2023-10-19 10:31:45.096+00")]
    [InlineData("2023-10-19T10:31:45.0000000+00:00", "2023-10-19 10:31:45+00")]
    [InlineData("2023-10-19T12:31:45.1234560+02:00", "2023-10-19 10:31:45.123456+00")]
    public void FormatTimestamp_WritesUtcWithoutTrailingZeros(string iso, string expected)
    {
        // Given
        var value = DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

        // When
        var text = ExportValues.FormatTimestamp(value);

        // Then
        Assert.Equal(expected, text);
        Assert.True(ExportValues.TryParseTimestamp(text, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData("t", true)]
    [InlineData("f", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void TryParseBoolean_WhenTOrF_Parses(string text, bool expected)
    {
        Assert.True(ExportValues.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("T")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData(" t")]
    public void TryParseBoolean_WhenNotTOrF_ReturnsFalse(string text)
    {
        Assert.False(ExportValues.TryParseBoolean(text, out _));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    public void FormatDouble_WritesShortestForm(double value, string expected)
    {
        Assert.Equal(expected, ExportValues.FormatDouble(value));
    }
}
