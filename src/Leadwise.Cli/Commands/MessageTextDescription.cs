using System.Globalization;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Cli.Commands;

/// <summary>How a sequence model reads messages, in the words <c>train</c> and <c>evaluate recommend</c> print.</summary>
internal static class MessageTextDescription
{
    public static string Describe(HazardModelReport report) => report.TextDimensions > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{report.TextDimensions} {(report.TextReader == MessageTextReader.Sentences ? "recurring sentences" : "components")}")
        : "not read";
}
