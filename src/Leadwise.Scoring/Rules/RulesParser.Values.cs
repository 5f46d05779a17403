using System.Globalization;
using Leadwise.Core.Scoring;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Leadwise.Scoring.Rules;

/// <summary>Scalars, numbers, keys and diagnostics, each problem placed at its node.</summary>
internal sealed partial class RulesParser
{
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
