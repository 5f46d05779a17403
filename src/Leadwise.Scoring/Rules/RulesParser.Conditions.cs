using System.Globalization;
using System.Text.RegularExpressions;
using Leadwise.Core.Engagement;
using YamlDotNet.RepresentationModel;

namespace Leadwise.Scoring.Rules;

/// <summary>Field and event conditions of a rule.</summary>
internal sealed partial class RulesParser
{
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
}
