namespace Leadwise.Generator.Truth;

/// <summary>
/// The generator's true reply model; the simulator draws every outcome from exactly these probabilities.
/// <list type="bullet">
/// <item><see cref="Hazard"/>: P(reply at step k | reachable, no reply before, receives the message at step k)
/// = σ(η), η = Intercept + StepEffects[k] + Responsiveness + SeniorityEffects[s] + IndustryEffects[i]
/// + Language(lead, message) + long·(LongMessage + LongMessagePerSeniority·(s − 2)) + personalised·Personalised
/// + question·Question + link·Link + Quality; 0 for spam leads.</item>
/// <item><see cref="AcceptProbability"/>: the gate. 1 when the first message is not gated, 0 for spam, else
/// σ(AcceptIntercept + AcceptSeniorityEffects[s] + AcceptResponsivenessWeight·Responsiveness
/// + personalised·AcceptPersonalised + note-language term).</item>
/// <item><see cref="ReplyProbability"/> = A(lead, m₀) · (1 − Π_k (1 − h_k)).</item>
/// </list>
/// </summary>
public sealed class TrueReplyModel(TrueModelParameters parameters)
{
    public TrueModelParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>The reply logit η of <paramref name="lead"/> to <paramref name="message"/> sent at <paramref name="step"/>.</summary>
    public double Logit(LeadProfile lead, MessageProfile message, int step)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var p = Parameters;
        var seniority = (int)lead.Seniority;
        var eta = p.Intercept
            + p.StepEffects[Math.Min(step, p.StepEffects.Count - 1)]
            + lead.Responsiveness
            + p.SeniorityEffects[seniority]
            + p.IndustryEffects[(int)lead.Industry]
            + LanguageEffect(lead.Language, message.Language)
            + message.Quality;
        if (message.IsLong)
        {
            eta += p.LongMessage + (p.LongMessagePerSeniority * (seniority - 2));
        }

        if (message.IsPersonalised)
        {
            eta += p.Personalised;
        }

        if (message.HasQuestion)
        {
            eta += p.Question;
        }

        if (message.HasLink)
        {
            eta += p.Link;
        }

        return eta;
    }

    /// <summary>
    /// P(the lead replies at <paramref name="step"/> | it is reachable, has not replied before, and receives
    /// <paramref name="message"/> at that step). In (0, 1) for real leads, exactly 0 for spam leads.
    /// </summary>
    public double Hazard(LeadProfile lead, MessageProfile message, int step) =>
        lead.IsSpam ? 0.0 : Sigmoid(Logit(lead, message, step));

    /// <summary>P(the lead becomes reachable) when the sequence starts with <paramref name="first"/>: the invite acceptance gate.</summary>
    public double AcceptProbability(LeadProfile lead, MessageProfile first)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(first);
        if (!first.IsGated)
        {
            return 1.0;
        }

        if (lead.IsSpam)
        {
            return 0.0;
        }

        var p = Parameters;
        var eta = p.AcceptIntercept
            + p.AcceptSeniorityEffects[(int)lead.Seniority]
            + (p.AcceptResponsivenessWeight * lead.Responsiveness);
        if (first.IsPersonalised)
        {
            eta += p.AcceptPersonalised;
        }

        if (first.Language == Language.German)
        {
            eta += lead.Language == Language.German ? p.AcceptGermanLeadGermanNote : p.AcceptEnglishLeadGermanNote;
        }

        return Sigmoid(eta);
    }

    /// <summary>
    /// P(the lead replies at some step) when it is sent <paramref name="sequence"/> (step k = sequence[k]) and
    /// every step is delivered unless it replied earlier: A(lead, sequence[0]) · (1 − Π_k (1 − Hazard(lead, sequence[k], k))).
    /// 0 for an empty sequence.
    /// </summary>
    public double ReplyProbability(LeadProfile lead, IReadOnlyList<MessageProfile> sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence.Count == 0)
        {
            return 0.0;
        }

        var none = 1.0;
        for (var step = 0; step < sequence.Count; step++)
        {
            none *= 1.0 - Hazard(lead, sequence[step], step);
        }

        return AcceptProbability(lead, sequence[0]) * (1.0 - none);
    }

    /// <summary>
    /// The sequence maximising <see cref="ReplyProbability"/> when step k may use any message of
    /// <paramref name="candidatesPerStep"/>[k]. It uses every step up to the first one without candidates.
    /// Exact: steps 1.. are chosen by their own hazard (the product separates), then the first message by
    /// A(m₀)·(1 − (1 − h₀(m₀))·R) with R the chosen steps' non-reply product. Ties keep the earlier candidate.
    /// </summary>
    public SequenceChoice BestSequence(LeadProfile lead, IReadOnlyList<IReadOnlyList<MessageProfile>> candidatesPerStep)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(candidatesPerStep);
        var length = SequenceLength(candidatesPerStep);

        if (length == 0)
        {
            return new SequenceChoice([], 0.0);
        }

        var chosen = new MessageProfile[length];
        var rest = 1.0;
        for (var step = 1; step < length; step++)
        {
            var best = -1.0;
            foreach (var candidate in candidatesPerStep[step])
            {
                var hazard = Hazard(lead, candidate, step);
                if (hazard > best)
                {
                    best = hazard;
                    chosen[step] = candidate;
                }
            }

            rest *= 1.0 - best;
        }

        var bestScore = -1.0;
        foreach (var candidate in candidatesPerStep[0])
        {
            var probability = AcceptProbability(lead, candidate) * (1.0 - ((1.0 - Hazard(lead, candidate, 0)) * rest));
            if (probability > bestScore)
            {
                bestScore = probability;
                chosen[0] = candidate;
            }
        }

        return new SequenceChoice(chosen, ReplyProbability(lead, chosen));
    }

    /// <summary>
    /// The best sequence by the truth without its latent traits: the lead's responsiveness integrated out over
    /// N(0, <see cref="TrueModelParameters.ResponsivenessSd"/>²) and every message's quality at its wording (what its content
    /// shows) — what choosing by the observable lead and message features alone, perfectly estimated, would send. Coordinate
    /// ascent on that expectation from <see cref="BestSequence"/> at u = 0; the probability returned is the expectation.
    /// </summary>
    public SequenceChoice FeaturesOnlyBestSequence(LeadProfile lead, IReadOnlyList<IReadOnlyList<MessageProfile>> candidatesPerStep)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(candidatesPerStep);
        var draws = StandardNormal.Select(n => (Profile: lead with { Responsiveness = Parameters.ResponsivenessSd * n.Node }, n.Weight)).ToArray();
        var steps = candidatesPerStep.Select(step => step.Select(m => m with { Quality = m.Wording }).ToArray()).ToArray();
        var chosen = BestSequence(draws[0].Profile, steps).Messages.ToArray();
        double Value(MessageProfile[] sequence) => draws.Sum(d => d.Weight * ReplyProbability(d.Profile, sequence));
        var best = Value(chosen);
        for (var pass = 0; pass < 4; pass++)
        {
            var improved = false;
            for (var step = 0; step < chosen.Length; step++)
            {
                foreach (var candidate in steps[step])
                {
                    var trial = (MessageProfile[])chosen.Clone();
                    trial[step] = candidate;
                    var value = Value(trial);
                    if (value > best + 1e-15)
                    {
                        (chosen, best, improved) = (trial, value, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        // The chosen messages as given (with their own qualities), not the copies valued at their wording.
        return new SequenceChoice([.. chosen.Select((m, step) => candidatesPerStep[step][Array.IndexOf(steps[step], m)])], best);
    }

    /// <summary>Gauss–Hermite nodes and weights for a standard normal (5 points): how the truth integrates a lead's responsiveness out.</summary>
    internal static readonly (double Node, double Weight)[] StandardNormal = [(0, 0.533333333), (1.355626180, 0.222075922), (-1.355626180, 0.222075922), (2.856970014, 0.011257411), (-2.856970014, 0.011257411)];

    private double LanguageEffect(Language lead, Language message) => (lead, message) switch
    {
        (Language.German, Language.German) => Parameters.GermanLeadGermanMessage,
        (Language.German, _) => Parameters.GermanLeadEnglishMessage,
        (_, Language.German) => Parameters.EnglishLeadGermanMessage,
        _ => Parameters.EnglishLeadEnglishMessage,
    };

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>How many steps a sequence over <paramref name="candidatesPerStep"/> has: every step up to the first one without candidates.</summary>
    internal static int SequenceLength(IReadOnlyList<IReadOnlyList<MessageProfile>> candidatesPerStep)
    {
        var length = 0;
        while (length < candidatesPerStep.Count && candidatesPerStep[length].Count > 0)
        {
            length++;
        }

        return length;
    }
}
