using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Engine;

/// <summary>
/// A lead's subtotal for every <see cref="ScoringModel"/>, in model order, in one small array: the explained path
/// builds one per lead, so it avoids a dictionary's buckets and entries.
/// </summary>
internal sealed class ModelSubtotals(double[] subtotals) : IReadOnlyDictionary<ScoringModel, double>
{
    public int Count => subtotals.Length;

    public IEnumerable<ScoringModel> Keys => Enumerable.Range(0, subtotals.Length).Select(model => (ScoringModel)model);

    public IEnumerable<double> Values => subtotals;

    public double this[ScoringModel key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No subtotal for model {key}.");

    public bool ContainsKey(ScoringModel key) => (uint)key < (uint)subtotals.Length;

    public bool TryGetValue(ScoringModel key, [MaybeNullWhen(false)] out double value)
    {
        if (ContainsKey(key))
        {
            value = subtotals[(int)key];
            return true;
        }

        value = 0;
        return false;
    }

    public IEnumerator<KeyValuePair<ScoringModel, double>> GetEnumerator()
    {
        for (var model = 0; model < subtotals.Length; model++)
        {
            yield return new KeyValuePair<ScoringModel, double>((ScoringModel)model, subtotals[model]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
