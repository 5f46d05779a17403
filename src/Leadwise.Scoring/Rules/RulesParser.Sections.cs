using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using YamlDotNet.RepresentationModel;

namespace Leadwise.Scoring.Rules;

/// <summary>The grades and groups sections.</summary>
internal sealed partial class RulesParser
{
    private GradeScale? ParseGrades(YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(node.Start, null, "\"grades\" needs a list: - {grade: A, min: 80} … - {grade: D}");
            return null;
        }

        var thresholds = new List<GradeThreshold>();
        double? previous = null;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode item || Child(item, "grade") is not { } gradeNode)
            {
                Error(list.Children[i].Start, null, "a grade needs {grade: A, min: 80}");
                return null;
            }

            CheckKeys(item, ["grade", "min"], null, "grade key");
            var grade = Scalar(gradeNode, null, "grade") ?? string.Empty;
            var min = Child(item, "min") is { } minNode ? Number(minNode, null, "min") : null;
            var last = i == list.Children.Count - 1;
            if (last != (min is null))
            {
                Error(item.Start, null, last
                    ? $"the last grade (\"{grade}\") takes every lower total and has no \"min\""
                    : $"grade \"{grade}\" needs a \"min\"");
                return null;
            }

            if (min is not null && previous is not null && min >= previous)
            {
                Error(item.Start, null, $"grade \"{grade}\" min {Format(min.Value)} must be below the previous grade's {Format(previous.Value)}");
                return null;
            }

            previous = min;
            thresholds.Add(new GradeThreshold(grade, min));
        }

        return new GradeScale(thresholds);
    }

    private void ParseGroups(YamlNode node, Dictionary<ScoringModel, double> caps)
    {
        if (node is not YamlMappingNode groups)
        {
            Error(node.Start, null, "\"groups\" needs a mapping: Website: {cap: 40}");
            return;
        }

        foreach (var (keyNode, value) in groups.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value;
            if (!TryParseGroup(name, out var group))
            {
                Error(keyNode.Start, null, $"unknown group \"{name}\" (one of {string.Join(", ", Enum.GetNames<ScoringModel>())})");
                continue;
            }

            if (value is not YamlMappingNode settings)
            {
                Error(value.Start, null, $"group \"{name}\" needs {{cap: N}}");
                continue;
            }

            CheckKeys(settings, ["cap"], null, "group key");
            if (Positive(settings, "cap", null) is { } cap)
            {
                caps[group] = cap;
            }
        }
    }
}
