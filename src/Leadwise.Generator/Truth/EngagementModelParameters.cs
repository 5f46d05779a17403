namespace Leadwise.Generator.Truth;

/// <summary>
/// The parameters of the engagement-event model (website, email, social and spam events per lead); the
/// formulas are in docs/generator.md and in <c>truth/model.json</c>. Logits and log-means use the lead's latent
/// responsiveness u and seniority s (0..4); lists indexed by seniority use its numeric value. Events depend on
/// the reply only through u, seniority, the acceptance and the simulated reply itself, so they carry real but
/// imperfect signal about <c>replied</c>.
/// </summary>
public sealed record EngagementModelParameters
{
    // Website sessions: Poisson counts from three sources (baseline, after the first touch, around a reply).

    /// <summary>log mean of baseline sessions over the lead's life in the CRM (created → export): + u·SessionsResponsivenessWeight + SessionsSeniorityEffects[s].</summary>
    public double BaselineSessionsIntercept { get; init; } = -1.6;
    public double SessionsResponsivenessWeight { get; init; } = 1.0;
    public IReadOnlyList<double> SessionsSeniorityEffects { get; init; } = [-0.3, -0.1, 0.0, 0.1, 0.2];

    /// <summary>log mean of sessions after the first message reaches the lead (accepted invite or delivered message), Exp(TouchDelayDays) later.</summary>
    public double TouchSessionsIntercept { get; init; } = -1.0;
    public double TouchDelayDays { get; init; } = 2.0;

    /// <summary>A replying lead has Poisson(ReplySessionsMean) high-intent sessions; ReplySessionsBeforeShare of them in the ReplyWindowDays before the reply, the rest Exp(ReplyWindowDays) after it.</summary>
    public double ReplySessionsMean { get; init; } = 2.2;
    public double ReplySessionsBeforeShare { get; init; } = 0.75;
    public double ReplyWindowDays { get; init; } = 3.0;

    /// <summary>Pages per session: 1 + Poisson(ExtraPagesMean); time on page Exp(PageSecondsMean), 1..900 s.</summary>
    public double ExtraPagesMean { get; init; } = 1.2;
    public double PageSecondsMean { get; init; } = 45.0;

    /// <summary>Per session: P(pricing / demo / download) = σ(intercept + IntentResponsivenessWeight·u + IntentPerSeniority·(s − 2) + ReplySessionIntent·[reply session]).</summary>
    public double PricingIntercept { get; init; } = -2.6;
    public double DemoIntercept { get; init; } = -3.3;
    public double DownloadIntercept { get; init; } = -3.0;
    public double IntentResponsivenessWeight { get; init; } = 0.8;
    public double IntentPerSeniority { get; init; } = 0.2;
    public double ReplySessionIntent { get; init; } = 2.2;

    // Outreach email (EmailOutreach campaigns): per sent step.

    /// <summary>P(open step k) = 1 for the step replied to, else σ(OpenIntercept + EmailResponsivenessWeight·u); 1 + Poisson(ExtraOpensMean) opens.</summary>
    public double OpenIntercept { get; init; } = -0.3;
    public double EmailResponsivenessWeight { get; init; } = 1.0;
    public double ExtraOpensMean { get; init; } = 0.4;

    /// <summary>P(click | open) = σ(ClickIntercept + EmailResponsivenessWeight·u + ClickLinkEffect·[message has a link] + ClickReplyStepEffect·[step replied to]).</summary>
    public double ClickIntercept { get; init; } = -2.2;
    public double ClickLinkEffect { get; init; } = 1.2;
    public double ClickReplyStepEffect { get; init; } = 1.5;

    // Newsletters: one every NewsletterIntervalDays, the last NewsletterCount before the export, to the lead's address.

    public int NewsletterCount { get; init; } = 6;
    public double NewsletterIntervalDays { get; init; } = 30.0;
    public double NewsletterOpenIntercept { get; init; } = -1.2;
    public double NewsletterClickIntercept { get; init; } = -2.2;

    /// <summary>P(unsubscribe | opened) = σ(UnsubscribeIntercept + UnsubscribeResponsivenessWeight·u), per opened newsletter and on a non-replier's last outreach email.</summary>
    public double UnsubscribeIntercept { get; init; } = -3.5;
    public double UnsubscribeResponsivenessWeight { get; init; } = -0.8;

    // Social (posts of the account's company page).

    /// <summary>Social actions ~ Poisson(exp(SocialIntercept + SocialResponsivenessWeight·u + SocialConnectedEffect·[accepted invite])); shares of like, comment, share, follow (follow at most once).</summary>
    public double SocialIntercept { get; init; } = -2.3;
    public double SocialResponsivenessWeight { get; init; } = 1.0;
    public double SocialConnectedEffect { get; init; } = 0.8;
    public IReadOnlyList<double> SocialTypeShares { get; init; } = [0.65, 0.15, 0.10, 0.10];

    // Pre-contact history: the lead's person was known for HistoryDays before the lead was created (0 = off).

    /// <summary>
    /// Days the person was known before the lead's createdAt (0 = no history, the default). History events are drawn
    /// from a random stream of their own, so turning it on adds events before createdAt and changes no other event.
    /// </summary>
    public int HistoryDays { get; init; }

    /// <summary>log mean of history sessions over the whole window: + HistoryResponsivenessWeight·u + SessionsSeniorityEffects[s].</summary>
    public double HistorySessionsIntercept { get; init; } = -0.2;
    public double HistoryResponsivenessWeight { get; init; } = 1.0;

    /// <summary>Whether the newsletters sent in the history window reach valid addresses (opens and clicks only: no bounce or unsubscribe, which would have to end the later newsletters).</summary>
    public bool HistoryNewsletters { get; init; } = true;

    /// <summary>
    /// These parameters with a pre-contact history of <paramref name="days"/> whose website sessions follow u with
    /// <paramref name="responsivenessWeight"/> (history newsletters' opens and clicks likewise), and
    /// <paramref name="meanSessions"/> sessions per person over the window on average over u ~ N(0, <paramref name="responsivenessSd"/>²)
    /// at seniority effect 0: the intercept is ln(meanSessions) − weight²·sd²/2, the log-normal mean's correction.
    /// </summary>
    public EngagementModelParameters WithHistory(int days, double meanSessions, double responsivenessWeight, double responsivenessSd)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanSessions);
        return this with
        {
            HistoryDays = days,
            HistorySessionsIntercept = Math.Log(meanSessions) - (responsivenessWeight * responsivenessWeight * responsivenessSd * responsivenessSd / 2),
            HistoryResponsivenessWeight = responsivenessWeight,
            HistoryNewsletterResponsivenessWeight = responsivenessWeight,
        };
    }

    /// <summary>P(open a history newsletter) = σ(NewsletterOpenIntercept + HistoryNewsletterResponsivenessWeight·u); clicks given an open likewise with NewsletterClickIntercept.</summary>
    public double HistoryNewsletterResponsivenessWeight { get; init; } = 1.0;

    // Spam leads: only bursts of failed captchas and form submissions, seconds apart.

    /// <summary>1..SpamBurstsMax bursts (the first at the lead's creation), each 1..SpamCaptchasMax captcha_failed and SpamFormsMin..SpamFormsMax form_submitted, U(0.2, SpamGapSecondsMax) s apart.</summary>
    public int SpamBurstsMax { get; init; } = 3;
    public int SpamCaptchasMax { get; init; } = 3;
    public int SpamFormsMin { get; init; } = 3;
    public int SpamFormsMax { get; init; } = 12;
    public double SpamGapSecondsMax { get; init; } = 4.0;
}
