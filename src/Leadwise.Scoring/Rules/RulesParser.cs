using System.Globalization;
using System.Text.RegularExpressions;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leadwise.Scoring.Rules;

/// <summary>Reads a rules file's node tree (YAML or JSON), collecting every problem with its position.</summary>
internal sealed class RulesParser(string source)
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

    private FieldCondition? ParseFieldCondition(YamlMappingNode map, string? id, string[] operators, bool unknownOperator)
    {
        if (Child(map, "field") is not { } fieldNode)
        {
            Error(map.Start, id, "a rule needs \"field\" or \"event\"");
            return null;
        }

        foreach (var key in (string[])["halfLifeDays", "withinDays", "count"])
        {
            if (Child(map, key) is { } misplaced)
            {
                Error(misplaced.Start, id, $"\"{key}\" applies to event rules only");
            }
        }

        var name = Scalar(fieldNode, id, "field") ?? string.Empty;
        if (!RuleFields.TryGet(name, out var field))
        {
            var hint = RuleFields.All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            Error(fieldNode.Start, id, $"unknown field \"{name}\"" + (hint is null ? string.Empty : $" (did you mean \"{hint.Name}\"?)"));
            return null;
        }

        if (operators.Length != 1)
        {
            if (unknownOperator)
            {
                return null;
            }

            Error(map.Start, id, operators.Length == 0
                ? "missing operator (one of equals, in, contains, regex, range, exists)"
                : $"more than one operator ({string.Join(", ", operators)}); write one rule per test");
            return null;
        }

        var op = operators[0];
        var node = Child(map, op)!;
        return op switch
        {
            "equals" => Equal(node),
            "in" => In(node),
            "contains" => TextOnly(FieldOperator.Contains, node),
            "regex" => Regex(node),
            "range" => Range(node),
            _ => Exists(node),
        };

        FieldCondition? Equal(YamlNode node)
        {
            var value = Scalar(node, id, "equals");
            return value is not null && CheckValue(node, value)
                ? new FieldCondition(name, FieldOperator.Equal) { Value = value }
                : null;
        }

        FieldCondition? In(YamlNode node)
        {
            if (field.Kind == FieldKind.Flag)
            {
                Error(node.Start, id, $"\"in\" does not apply to true/false field \"{name}\"; use equals");
                return null;
            }

            if (node is not YamlSequenceNode list || list.Children.Count == 0)
            {
                Error(node.Start, id, "\"in\" needs a non-empty list, e.g. [Germany, Austria]");
                return null;
            }

            var values = new List<string>();
            foreach (var item in list.Children)
            {
                if (Scalar(item, id, "in") is { } value && CheckValue(item, value))
                {
                    values.Add(value);
                }
            }

            return values.Count == list.Children.Count ? new FieldCondition(name, FieldOperator.In) { Values = values } : null;
        }

        FieldCondition? TextOnly(FieldOperator op, YamlNode node)
        {
            if (field.Kind != FieldKind.Text)
            {
                Error(node.Start, id, $"\"{OperatorKey(op)}\" applies to text fields; \"{name}\" is {KindName(field.Kind)}");
                return null;
            }

            var value = Scalar(node, id, OperatorKey(op));
            return value is null ? null : new FieldCondition(name, op) { Value = value };
        }

        FieldCondition? Regex(YamlNode node)
        {
            var condition = TextOnly(FieldOperator.Regex, node);
            if (condition is null)
            {
                return null;
            }

            try
            {
                _ = new Regex(condition.Value!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return condition;
            }
            catch (ArgumentException e)
            {
                Error(node.Start, id, $"bad regex \"{condition.Value}\": {e.Message}");
                return null;
            }
        }

        FieldCondition? Range(YamlNode node)
        {
            if (field.Kind != FieldKind.Number)
            {
                Error(node.Start, id, $"\"range\" applies to number fields; \"{name}\" is {KindName(field.Kind)}");
                return null;
            }

            if (node is not YamlMappingNode range)
            {
                Error(node.Start, id, "\"range\" needs {min: …, max: …}");
                return null;
            }

            CheckKeys(range, ["min", "max"], id, "range key");
            var min = Child(range, "min") is { } minNode ? Number(minNode, id, "min") : null;
            var max = Child(range, "max") is { } maxNode ? Number(maxNode, id, "max") : null;
            if (min is null && max is null)
            {
                Error(node.Start, id, "\"range\" needs min, max or both");
                return null;
            }

            if (min > max)
            {
                Error(node.Start, id, $"range min {Format(min.Value)} is greater than max {Format(max!.Value)}");
                return null;
            }

            return new FieldCondition(name, FieldOperator.Range) { Min = min, Max = max };
        }

        FieldCondition? Exists(YamlNode node)
        {
            var value = Scalar(node, id, "exists");
            if (!bool.TryParse(value, out var exists))
            {
                Error(node.Start, id, $"\"exists\" must be true or false, got \"{value}\"");
                return null;
            }

            return new FieldCondition(name, FieldOperator.Exists) { Exists = exists };
        }

        bool CheckValue(YamlNode node, string value)
        {
            switch (field.Kind)
            {
                case FieldKind.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    Error(node.Start, id, $"\"{name}\" is a number; \"{value}\" is not");
                    return false;
                case FieldKind.Flag when !bool.TryParse(value, out _):
                    Error(node.Start, id, $"\"{name}\" is true or false; \"{value}\" is neither");
                    return false;
                case FieldKind.Text when field.AllowedValues is { } allowed
                    && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase):
                    Error(node.Start, id, $"\"{name}\" is one of {string.Join(", ", allowed)}; \"{value}\" is not");
                    return false;
                default:
                    return true;
            }
        }
    }

    private EventCondition? ParseEventCondition(YamlMappingNode map, YamlNode eventNode, string? id, bool hasField)
    {
        if (hasField)
        {
            Error(map.Start, id, "a rule has either \"field\" or \"event\", not both");
            return null;
        }

        foreach (var op in OperatorKeys())
        {
            if (Child(map, op) is { } stray)
            {
                Error(stray.Start, id, $"\"{op}\" applies to field rules; an event rule has \"event\" and optionally \"count\"");
            }
        }

        var type = Scalar(eventNode, id, "event");
        if (string.IsNullOrWhiteSpace(type))
        {
            Error(eventNode.Start, id, "\"event\" needs an event type");
            return null;
        }

        if (!EventTypes.All.Contains(type, StringComparer.Ordinal))
        {
            Warn(eventNode.Start, id, $"unknown event type \"{type}\" (known: {string.Join(", ", EventTypes.All)}); the rule scores only if such events are imported");
        }

        var halfLife = Positive(map, "halfLifeDays", id);
        var within = Positive(map, "withinDays", id);
        if (Child(map, "count") is not { } countNode)
        {
            return new EventCondition(type) { HalfLifeDays = halfLife, WithinDays = within };
        }

        if (halfLife is not null)
        {
            Error(Child(map, "halfLifeDays")!.Start, id, "\"halfLifeDays\" applies to per-event rules, not to \"count\" rules");
        }

        if (within is not null)
        {
            Error(Child(map, "withinDays")!.Start, id, "with \"count\", put \"withinDays\" inside it: count: {min: 3, withinDays: 14}");
        }

        if (countNode is not YamlMappingNode count)
        {
            Error(countNode.Start, id, "\"count\" needs {min: N, withinDays: D} or {min: N, withinSeconds: S}");
            return null;
        }

        CheckKeys(count, ["min", "withinDays", "withinSeconds"], id, "count key");
        var minNode = Child(count, "min");
        var min = minNode is null ? null : Number(minNode, id, "min");
        if (minNode is null || min is null || min < 1 || min != Math.Floor(min.Value))
        {
            Error(minNode?.Start ?? count.Start, id, "count \"min\" must be a whole number ≥ 1");
            return null;
        }

        var days = Positive(count, "withinDays", id);
        var seconds = Positive(count, "withinSeconds", id);
        return new EventCondition(type) { CountMin = (int)min.Value, WithinDays = days, WithinSeconds = seconds };
    }

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

    private double? Positive(YamlMappingNode map, string key, string? id)
    {
        if (Child(map, key) is not { } node)
        {
            return null;
        }

        var value = Number(node, id, key);
        if (value is null)
        {
            return null;
        }

        if (value <= 0 || double.IsInfinity(value.Value))
        {
            Error(node.Start, id, $"\"{key}\" must be a positive number of {(key.EndsWith("Seconds", StringComparison.Ordinal) ? "seconds" : "days")}, got {Format(value.Value)}");
            return null;
        }

        return value;
    }

    private void CheckKeys(YamlMappingNode map, string[] known, string? id, string what)
    {
        foreach (var (keyNode, _) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode.Start, id, $"unknown {what} \"{key}\" (expected {string.Join(", ", known)})");
            }
        }
    }

    private string? Scalar(YamlNode node, string? id, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(node.Start, id, $"\"{key}\" needs a single value");
        return null;
    }

    private double? Number(YamlNode node, string? id, string key)
    {
        var text = Scalar(node, id, key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value))
        {
            return value;
        }

        Error(node.Start, id, $"\"{key}\" must be a number, got \"{text}\"");
        return null;
    }

    private static bool TryParseGroup(string? name, out ScoringModel group) =>
        Enum.TryParse(name, ignoreCase: true, out group) && Enum.IsDefined(group) && !int.TryParse(name, out _);

    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static string OperatorKey(FieldOperator op) => op switch
    {
        FieldOperator.Equal => "equals",
        _ => op.ToString().ToLowerInvariant(),
    };

    private static string KindName(FieldKind kind) => kind switch
    {
        FieldKind.Number => "a number",
        FieldKind.Flag => "true/false",
        _ => "text",
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private int ErrorCount() => _diagnostics.Count(d => d.Severity == RulesDiagnosticSeverity.Error);

    private void Error(Mark at, string? id, string message) =>
        _diagnostics.Add(new RulesDiagnostic(RulesDiagnosticSeverity.Error, source, (int)at.Line, (int)at.Column, id, message));

    private void Warn(Mark at, string? id, string message) =>
        _diagnostics.Add(new RulesDiagnostic(RulesDiagnosticSeverity.Warning, source, (int)at.Line, (int)at.Column, id, message));
}
