using System.Globalization;
using Leadwise.Learning.Features;
using Leadwise.Learning.Tables;
using Leadwise.Learning.Training;
using Leadwise.Scoring.Reports;

namespace Leadwise.Learning.Insights;

/// <summary>
/// Conversion insights: for every value of every attribute, its leads, conversions, conversion rate with a Wilson 95%
/// interval, lift against the base rate, the share of converted leads holding it, and a two-proportion z against
/// the leads without it — the evidence the list is sorted by, so a big, clear difference comes before a large
/// lift on a handful of leads. Descriptive, not causal: an attribute can stand in for another it travels with.
/// </summary>
public static class ConversionInsights
{
    /// <summary>Insights over any rows of attribute values (a lead may hold several values of one attribute).</summary>
    public static InsightReport Build(IReadOnlyList<IReadOnlyList<AttributeValue>> rows, IReadOnlyList<bool> converted, InsightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(converted);
        if (rows.Count != converted.Count)
        {
            throw new ArgumentException($"{rows.Count} rows but {converted.Count} labels.", nameof(converted));
        }

        options ??= new InsightOptions();
        var counts = new Dictionary<AttributeValue, (int Leads, int Converted)>();
        for (var i = 0; i < rows.Count; i++)
        {
            // A value listed twice for one lead still counts the lead once.
            foreach (var value in rows[i].Distinct())
            {
                counts.TryGetValue(value, out var c);
                counts[value] = (c.Leads + 1, c.Converted + (converted[i] ? 1 : 0));
            }
        }

        var total = rows.Count;
        var positives = converted.Count(c => c);
        var baseRate = total == 0 ? 0 : (double)positives / total;
        var insights = counts.Select(pair =>
        {
            var (n, c) = pair.Value;
            var rate = (double)c / n;
            return new ConversionInsight(
                pair.Key.Attribute,
                pair.Key.Value,
                n,
                c,
                rate,
                RateInterval.Wilson(c, n),
                baseRate > 0 ? rate / baseRate : 0,
                positives > 0 ? (double)c / positives : 0,
                TwoProportionZ(c, n, positives - c, total - n),
                n < options.MinLeads);
        });
        return new InsightReport(
            total,
            positives,
            [.. insights.OrderByDescending(i => Math.Abs(i.Z)).ThenBy(i => i.Attribute, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal)]);
    }

    /// <summary>Insights over invited leads as they stood at their invite (<see cref="LeadAttributes"/>).</summary>
    public static InsightReport ForLeads(IReadOnlyList<PreContactFacts> leads, IReadOnlyList<bool> converted, InsightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return Build([.. leads.Select(LeadAttributes.Of)], converted, options);
    }

    /// <summary>
    /// Insights over a feature matrix: one-hot groups (<see cref="FeatureGroup"/>) read back as their values,
    /// 0/1 columns as yes/no, other numeric columns cut into quantile bins; NaN is "(missing)".
    /// </summary>
    public static InsightReport ForMatrix(FeatureMatrix data, InsightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new InsightOptions();
        var rows = data.Rows.Select(_ => new List<AttributeValue>()).ToArray();
        foreach (var group in FeatureGroup.ByName(data.FeatureNames))
        {
            var oneHot = group.Columns.Count > 1 || data.FeatureNames[group.Columns[0]].Contains('=', StringComparison.Ordinal);
            if (oneHot)
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    var hot = group.Columns.FirstOrDefault(c => data.Rows[i][c] > 0, -1);
                    rows[i].Add(new(group.Name, hot < 0 ? "(none)" : data.FeatureNames[hot][(group.Name.Length + 1)..]));
                }

                continue;
            }

            var column = group.Columns[0];
            var values = data.Rows.Select(r => (double)r[column]).ToArray();
            AddNumeric(rows, group.Name, values, options);
        }

        return Build(rows, data.Labels, options);
    }

    /// <summary>
    /// Insights over a user's own table: every column but <paramref name="labelColumn"/>, numeric columns (every
    /// non-blank value a number, more than 2 × <see cref="InsightOptions.QuantileBins"/> distinct values) cut into
    /// quantile bins, the others as text. Rows with a blank label are skipped; a label is positive when
    /// <paramref name="isPositive"/> says so (default: yes, y, true, t or 1, ignoring case).
    /// </summary>
    public static InsightReport ForTable(DelimitedTable table, string labelColumn, InsightOptions? options = null, Func<string, bool>? isPositive = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labelColumn);
        options ??= new InsightOptions();
        isPositive ??= value => value.Trim().ToLowerInvariant() is "yes" or "y" or "true" or "t" or "1";
        var label = table.Column(labelColumn);
        var kept = Enumerable.Range(0, table.RowCount).Where(i => !string.IsNullOrWhiteSpace(label[i])).ToArray();
        var rows = kept.Select(_ => new List<AttributeValue>()).ToArray();
        for (var c = 0; c < table.ColumnCount; c++)
        {
            var name = table.Names[c];
            if (string.Equals(name, labelColumn, StringComparison.Ordinal))
            {
                continue;
            }

            var cells = table.Column(c);
            var texts = kept.Select(i => cells[i]?.Trim() ?? string.Empty).ToArray();
            var numbers = texts.Select(t => t.Length == 0 ? double.NaN : double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToArray();
            if (numbers.All(n => n is not null) && numbers.Where(n => !double.IsNaN(n!.Value)).Distinct().Count() > 2 * options.QuantileBins)
            {
                AddNumeric(rows, name, [.. numbers.Select(n => n!.Value)], options);
                continue;
            }

            var frequent = texts.Where(t => t.Length > 0).GroupBy(t => t, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(options.MaxValuesPerAttribute).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i].Add(new(name, texts[i].Length == 0 ? LeadAttributes.Missing : frequent.Contains(texts[i]) ? texts[i] : "(other)"));
            }
        }

        return Build(rows, [.. kept.Select(i => isPositive(label[i]))], options);
    }

    private static void AddNumeric(List<AttributeValue>[] rows, string name, double[] values, InsightOptions options)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.All(v => v is 0 or 1))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i].Add(new(name, double.IsNaN(values[i]) ? LeadAttributes.Missing : values[i] > 0 ? "yes" : "no"));
            }

            return;
        }

        var cuts = QuantileBins.Cuts(present, options.QuantileBins);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Add(new(name, double.IsNaN(values[i]) ? LeadAttributes.Missing : QuantileBins.Label(QuantileBins.Bin(values[i], cuts), cuts)));
        }
    }

    /// <summary>Pooled two-proportion z of c1/n1 against c2/n2; 0 when either side is empty or nothing varies.</summary>
    internal static double TwoProportionZ(int c1, int n1, int c2, int n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 0;
        }

        var pooled = (double)(c1 + c2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return se == 0 ? 0 : (((double)c1 / n1) - ((double)c2 / n2)) / se;
    }
}
