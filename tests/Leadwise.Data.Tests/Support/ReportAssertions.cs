using Leadwise.Data.Import;

namespace Leadwise.Data.Tests.Support;

/// <summary>Assertions on an <see cref="ImportReport"/> that print the whole report when they fail.</summary>
internal static class ReportAssertions
{
    public static void AssertSucceeded(this ImportReport report)
    {
        Assert.True(report.Committed && report.ErrorCount == 0, $"expected a clean import, got:\n{Describe(report)}");
    }

    /// <summary>The report's only error (the import found exactly one problem).</summary>
    public static ImportIssue SingleError(this ImportReport report)
    {
        Assert.True(report.ErrorCount == 1 && report.Errors.Count == 1, $"expected exactly one error, got:\n{Describe(report)}");
        return report.Errors[0];
    }

    public static ImportIssue SingleWarning(this ImportReport report)
    {
        Assert.True(report.Warnings.Count == 1, $"expected exactly one warning, got:\n{Describe(report)}");
        return report.Warnings[0];
    }

    /// <summary>Asserts the issue's place, <c>File:Line:Column</c>, and its column name.</summary>
    public static void AssertAt(this ImportIssue issue, string file, int? line, int? column, string? columnName)
    {
        Assert.Equal((file, line, column, columnName), (issue.File, issue.Line, issue.Column, issue.ColumnName));
    }

    public static void AssertAt(this ImportIssue issue, string file, (int Line, int Column) at, string? columnName) =>
        issue.AssertAt(file, at.Line, at.Column, columnName);

    public static TableImportCounts Table(this ImportReport report, string fileName) =>
        report.Tables.Single(t => t.FileName == fileName);

    public static string Describe(ImportReport report) =>
        $"committed={report.Committed} errorCount={report.ErrorCount}\n"
        + string.Join('\n', report.Errors.Select(e => "E " + e))
        + "\n" + string.Join('\n', report.Warnings.Select(w => "W " + w));
}
