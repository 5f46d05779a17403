using System.Collections.Concurrent;
using System.Collections.Frozen;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;
using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Engine;

/// <summary>
/// Scores leads with a rules file, compiled once: each field is read by a delegate resolved here, once
/// per lead for all of its rules; regexes are compiled, <c>in</c> lists are frozen sets, and a lead's
/// events are read in one pass, routed to their rules by type. <see cref="Total"/> allocates nothing;
/// <see cref="Score"/> also explains every rule that fired.
/// </summary>
public sealed partial class ScoringEngine
{
    private const int ModelCount = 6;
    private const int StackRuleLimit = 64;

    private readonly FieldRuleGroup[] _fieldGroups;
    private readonly CompiledEventRule[] _eventRules;
    private readonly FrozenDictionary<string, CompiledEventRule[]> _eventRulesByType;
    private readonly double[] _groupCaps = new double[ModelCount];
    private readonly SignalMemos? _memos;

    public ScoringEngine(ScoringRules rules)
        : this(rules, memoiseSignals: true)
    {
    }

    /// <param name="rules">The rules to compile.</param>
    /// <param name="memoiseSignals">
    /// Remember Signals' verdicts on repeating strings (titles, companies, names) for the engine's lifetime; false
    /// calls Signals for every lead, the reference the memoised path is tested against.
    /// </param>
    internal ScoringEngine(ScoringRules rules, bool memoiseSignals)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _memos = memoiseSignals ? new SignalMemos() : null;
        var fieldGroups = new List<FieldRuleGroup>();
        var eventRules = new List<CompiledEventRule>();
        foreach (var rule in rules.Rules)
        {
            switch (rule.Condition)
            {
                case FieldCondition condition:
                    if (!RuleFields.TryGet(condition.Field, out var field))
                    {
                        throw new ArgumentException($"Rule \"{rule.Id}\" reads unknown field \"{condition.Field}\".", nameof(rules));
                    }

                    var group = fieldGroups.Find(g => ReferenceEquals(g.Field, field));
                    if (group is null)
                    {
                        group = new FieldRuleGroup(field);
                        fieldGroups.Add(group);
                    }

                    group.Rules.Add(CompiledFieldRule.Compile(rule, condition, field.Kind, memoiseSignals));
                    break;
                case EventCondition condition:
                    eventRules.Add(new CompiledEventRule(rule, condition, eventRules.Count));
                    break;
                default:
                    throw new ArgumentException($"Rule \"{rule.Id}\" has an unsupported condition.", nameof(rules));
            }
        }

        _fieldGroups = [.. fieldGroups.Select(g => g.Seal())];
        _eventRules = [.. eventRules];
        _eventRulesByType = eventRules
            .GroupBy(r => r.Condition.EventType, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        for (var model = 0; model < ModelCount; model++)
        {
            _groupCaps[model] = rules.GroupCaps.TryGetValue((ScoringModel)model, out var cap) ? cap : double.PositiveInfinity;
        }
    }

    public ScoringRules Rules { get; }

    public GradeScale Grades => Rules.Grades;

    /// <summary>The lead's total at <paramref name="asOf"/>, without explanation; allocation-free.</summary>
    public double Total(LeadFacts facts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Span<double> groups = stackalloc double[ModelCount];
        Evaluate(facts, asOf, groups, hits: null);
        var total = 0.0;
        for (var model = 0; model < ModelCount; model++)
        {
            total += Math.Clamp(groups[model], -_groupCaps[model], _groupCaps[model]);
        }

        return total;
    }

    /// <summary>
    /// The lead's subtotal per <see cref="ScoringModel"/> at <paramref name="asOf"/> (group caps applied), written to
    /// <paramref name="subtotals"/> by the model's number; allocation-free, for models that take the points as features.
    /// </summary>
    public void Subtotals(LeadFacts facts, DateTimeOffset asOf, Span<double> subtotals)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThan(subtotals.Length, ModelCount, nameof(subtotals));
        subtotals[..ModelCount].Clear();
        Evaluate(facts, asOf, subtotals[..ModelCount], hits: null);
        for (var model = 0; model < ModelCount; model++)
        {
            subtotals[model] = Math.Clamp(subtotals[model], -_groupCaps[model], _groupCaps[model]);
        }
    }

    /// <summary>The lead's score at <paramref name="asOf"/>: total, grade, subtotals and every rule that fired, with reasons.</summary>
    public LeadScore Score(LeadFacts facts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return ScoreInto(facts, asOf, scratch: null);
    }

    /// <summary>Totals of many leads in parallel, written to <paramref name="totals"/> (same order as <paramref name="leads"/>).</summary>
    public void ScoreAll(IReadOnlyList<LeadFacts> leads, DateTimeOffset asOf, double[] totals)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentOutOfRangeException.ThrowIfLessThan(totals.Length, leads.Count, nameof(totals));
        ForEachChunk(leads.Count, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                totals[i] = Total(leads[i], asOf);
            }
        });
    }

    /// <summary>Explained scores of many leads in parallel, in the order of <paramref name="leads"/>.</summary>
    public LeadScore[] ScoreAll(IReadOnlyList<LeadFacts> leads, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var scores = new LeadScore[leads.Count];
        ForEachChunk(leads.Count, (from, to) =>
        {
            var scratch = new List<RuleHit>(16);
            for (var i = from; i < to; i++)
            {
                scores[i] = ScoreInto(leads[i], asOf, scratch);
            }
        });
        return scores;
    }

    /// <summary>
    /// Scores one lead. With <paramref name="scratch"/>, hits are gathered there and copied to an exact-size array,
    /// so one list serves a whole chunk of leads.
    /// </summary>
    private LeadScore ScoreInto(LeadFacts facts, DateTimeOffset asOf, List<RuleHit>? scratch)
    {
        Span<double> groups = stackalloc double[ModelCount];
        var hits = scratch ?? [];
        hits.Clear();
        Evaluate(facts, asOf, groups, hits);
        var subtotals = new double[ModelCount];
        var total = 0.0;
        for (var model = 0; model < ModelCount; model++)
        {
            var capped = Math.Clamp(groups[model], -_groupCaps[model], _groupCaps[model]);
            if (capped != groups[model])
            {
                hits.Add(GroupCapHit((ScoringModel)model, groups[model], capped));
            }

            subtotals[model] = capped;
            total += capped;
        }

        IReadOnlyList<RuleHit> leadHits = scratch is null ? hits : [.. hits];
        return new LeadScore(facts.Lead.Id, total, Grades.Of(total), SubtotalsOf(subtotals), leadHits, asOf);
    }

    /// <summary>The optimised path's compact subtotals; the reference path keeps the plain dictionary.</summary>
    private IReadOnlyDictionary<ScoringModel, double> SubtotalsOf(double[] subtotals)
    {
        if (_memos is not null)
        {
            return new ModelSubtotals(subtotals);
        }

        var dictionary = new Dictionary<ScoringModel, double>(ModelCount);
        for (var model = 0; model < ModelCount; model++)
        {
            dictionary[(ScoringModel)model] = subtotals[model];
        }

        return dictionary;
    }

    private static void ForEachChunk(int count, Action<int, int> body)
    {
        if (count == 0)
        {
            return;
        }

        var chunk = Math.Max(1024, count / (Environment.ProcessorCount * 8));
        Parallel.ForEach(Partitioner.Create(0, count, chunk), range => body(range.Item1, range.Item2));
    }

    private void Evaluate(LeadFacts facts, DateTimeOffset asOf, Span<double> groups, List<RuleHit>? hits)
    {
        var context = new LeadContext(facts, asOf, _memos);
        foreach (var group in _fieldGroups)
        {
            group.Evaluate(ref context, groups, hits);
        }

        if (_eventRules.Length == 0 || facts.Events.Count == 0)
        {
            return;
        }

        var ruleCount = _eventRules.Length;
        var decayed = ruleCount <= StackRuleLimit ? stackalloc double[ruleCount] : new double[ruleCount];
        var counts = ruleCount <= StackRuleLimit ? stackalloc int[ruleCount] : new int[ruleCount];
        decayed.Clear();
        counts.Clear();
        var asOfTicks = asOf.UtcTicks;
        var events = facts.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!_eventRulesByType.TryGetValue(e.Type, out var rules))
            {
                continue;
            }

            var age = asOfTicks - e.OccurredAt.UtcTicks;
            if (age < 0)
            {
                continue;
            }

            foreach (var rule in rules)
            {
                if (age > rule.WindowTicks)
                {
                    continue;
                }

                counts[rule.Index]++;
                if (rule.PerEvent)
                {
                    decayed[rule.Index] += rule.HalfLifeTicks > 0 ? double.Exp2(-age / rule.HalfLifeTicks) : 1.0;
                }
            }
        }

        foreach (var rule in _eventRules)
        {
            var count = counts[rule.Index];
            if (count == 0)
            {
                continue;
            }

            double points;
            if (rule.PerEvent)
            {
                points = Math.Clamp(rule.Points * decayed[rule.Index], -rule.Cap, rule.Cap);
            }
            else if (count < rule.CountMin || (rule.IsBurst && !HasBurst(events, rule, asOfTicks)))
            {
                continue;
            }
            else
            {
                points = Math.Clamp(rule.Points, -rule.Cap, rule.Cap);
            }

            groups[(int)rule.Model] += points;
            hits?.Add(EventHit(rule, count, decayed[rule.Index], points, quick: _memos is not null));
        }
    }

    /// <summary>True when at least CountMin events of the rule's type fall within any span of its burst length.</summary>
    private static bool HasBurst(IReadOnlyList<Core.Engagement.EngagementEvent> events, CompiledEventRule rule, long asOfTicks)
    {
        var buffer = events.Count <= 128 ? stackalloc long[events.Count] : new long[events.Count];
        var n = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var at = e.OccurredAt.UtcTicks;
            if (string.Equals(e.Type, rule.Condition.EventType, StringComparison.Ordinal) && at <= asOfTicks && asOfTicks - at <= rule.WindowTicks)
            {
                buffer[n++] = at;
            }
        }

        var times = buffer[..n];
        times.Sort();
        for (var last = rule.CountMin - 1; last < times.Length; last++)
        {
            if (times[last] - times[last - rule.CountMin + 1] <= rule.BurstTicks)
            {
                return true;
            }
        }

        return false;
    }
}
