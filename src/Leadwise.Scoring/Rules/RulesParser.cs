using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leadwise.Scoring.Rules;

/// <summary>Reads a rules file's node tree (YAML or JSON), collecting every problem with its position.</summary>
internal sealed partial class RulesParser(string source)
{
    private static readonly string[] TopKeys = ["version", "grades", "groups", "rules"];
    private static readonly string[] RuleKeys =
        ["id", "group", "description", "field", "event", "points", "cap", "halfLifeDays", "withinDays", "count", .. OperatorKeys()];

    private readonly List<RulesDiagnostic> _diagnostics = [];

    public (ScoringRules? Rules, IReadOnlyList<RulesDiagnostic> Diagnostics) Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            Error(e.Start, null, "not valid YAML/JSON: " + e.Message);
            return (null, _diagnostics);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start, null, "expected a mapping with a \"rules\" list");
            return (null, _diagnostics);
        }

        CheckKeys(root, TopKeys, null, "top-level key");
        var grades = GradeScale.Default;
        var groupCaps = new Dictionary<ScoringModel, double>();
        var rules = new List<ScoringRule>();

        if (Child(root, "version") is { } version && (Scalar(version, null, "version") ?? "1") != "1")
        {
            Error(version.Start, null, "unsupported version (expected 1)");
        }

        if (Child(root, "grades") is { } gradesNode)
        {
            grades = ParseGrades(gradesNode) ?? grades;
        }

        if (Child(root, "groups") is { } groupsNode)
        {
            ParseGroups(groupsNode, groupCaps);
        }

        if (Child(root, "rules") is not YamlSequenceNode rulesNode)
        {
            Error(root.Start, null, "expected a \"rules\" list");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in rulesNode.Children)
            {
                if (ParseRule(node) is { } rule)
                {
                    if (!ids.Add(rule.Id))
                    {
                        Error(Child((YamlMappingNode)node, "id")!.Start, rule.Id, "duplicate rule id");
                    }

                    rules.Add(rule);
                }
            }
        }

        var failed = _diagnostics.Exists(d => d.Severity == RulesDiagnosticSeverity.Error);
        var parsed = failed ? null : new ScoringRules(rules)
        {
            GroupCaps = groupCaps,
            Grades = grades,
            Warnings = [.. _diagnostics],
        };
        return (parsed, _diagnostics);
    }

    private static string[] OperatorKeys() => ["equals", "in", "contains", "regex", "range", "exists"];

    private ScoringRule? ParseRule(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, null, "a rule must be a mapping (id, group, field or event, points …)");
            return null;
        }

        var idNode = Child(map, "id");
        var id = idNode is null ? null : Scalar(idNode, null, "id");
        if (idNode is null || string.IsNullOrWhiteSpace(id))
        {
            Error(map.Start, null, "missing \"id\"");
            id = null;
        }

        var errorsBefore = ErrorCount();
        var hasField = Child(map, "field") is not null;
        var operators = OperatorKeys().Where(k => Child(map, k) is not null).ToArray();
        var unknownOperator = false;
        foreach (var (keyNode, _) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (!RuleKeys.Contains(key, StringComparer.Ordinal))
            {
                unknownOperator |= hasField && operators.Length == 0;
                var what = hasField && operators.Length == 0 ? "unknown operator" : "unknown field";
                Error(keyNode.Start, id, $"{what} \"{key}\" (operators: equals, in, contains, regex, range, exists; other fields: id, group, description, field, event, points, cap, halfLifeDays, withinDays, count)");
            }
        }

        ScoringModel group = default;
        if (Child(map, "group") is not { } groupNode)
        {
            Error(map.Start, id, "missing \"group\" (one of " + string.Join(", ", Enum.GetNames<ScoringModel>()) + ")");
        }
        else if (!TryParseGroup(Scalar(groupNode, id, "group"), out group))
        {
            Error(groupNode.Start, id, $"unknown group \"{Scalar(groupNode, id, "group")}\" (one of {string.Join(", ", Enum.GetNames<ScoringModel>())})");
        }

        double points = 0;
        if (Child(map, "points") is not { } pointsNode)
        {
            Error(map.Start, id, "missing \"points\"");
        }
        else
        {
            points = Number(pointsNode, id, "points") ?? 0;
        }

        double? cap = null;
        if (Child(map, "cap") is { } capNode)
        {
            cap = Number(capNode, id, "cap");
            if (cap is <= 0)
            {
                Error(capNode.Start, id, "cap must be greater than 0 (it limits the absolute points)");
            }
        }

        var condition = Child(map, "event") is { } eventNode
            ? (RuleCondition?)ParseEventCondition(map, eventNode, id, hasField)
            : ParseFieldCondition(map, id, operators, unknownOperator);

        if (condition is null || id is null || ErrorCount() > errorsBefore)
        {
            return null;
        }

        return new ScoringRule(id, group, points, condition)
        {
            Cap = cap,
            Description = Child(map, "description") is { } d ? Scalar(d, id, "description") : null,
            Line = (int)map.Start.Line,
            Column = (int)map.Start.Column,
        };
    }
}
