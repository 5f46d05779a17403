using System.Globalization;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Generator.Planning;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// Draws one lead's engagement events from its own random stream (campaign seed × lead index, stream 6), so the
/// lead, outcome and cosmetic streams — and with them every byte of the export — are untouched. Events depend on
/// the outcome only through the latent responsiveness, seniority, acceptance and the simulated reply; see
/// <see cref="EngagementModelParameters"/> and docs/generator.md.
/// </summary>
internal sealed class EngagementSimulator
{
    private const long MinuteMs = 60_000;
    private const long HourMs = LeadSimulator.HourMs;
    private const long DayMs = LeadSimulator.DayMs;
    private const int EventStream = 6;
    private const int HistoryStream = 7;

    private readonly EngagementModelParameters _p;
    private readonly long _exportMs;
    private readonly long _lastNewsletterMs;
    private readonly (long SendMs, string Name)[] _newsletters;
    private readonly double[] _socialShares;

    public EngagementSimulator(GeneratorOptions options)
    {
        _p = options.Engagement;
        _exportMs = options.ExportDate.ToUnixTimeMilliseconds();
        var lastSend = (_exportMs / DayMs * DayMs) + (9 * HourMs);
        _lastNewsletterMs = lastSend;
        _newsletters = Enumerable.Range(1, _p.NewsletterCount)
            .Select(j => lastSend - (long)(j * _p.NewsletterIntervalDays * DayMs))
            .Reverse()
            .Select(send => (send, NewsletterName(send)))
            .ToArray();
        _socialShares = _p.SocialTypeShares.Count == 4 ? _p.SocialTypeShares.ToArray() : throw new ArgumentException("SocialTypeShares needs 4 entries (like, comment, share, follow)", nameof(options));
    }

    /// <summary>Replaces the content of <paramref name="events"/> with the lead's events, unsorted (sort with <see cref="EventDraft.Compare"/>).</summary>
    public void Simulate(CampaignPlan campaign, int localIndex, LeadOutcome outcome, Lead lead, SiteUrls site, List<EventDraft> events)
    {
        events.Clear();
        var random = new StreamRandom(StreamRandom.Mix(campaign.Seed, (ulong)localIndex, EventStream));
        var sink = new Sink(events, _exportMs);
        if (outcome.Profile.IsSpam)
        {
            Spam(outcome, site, sink, ref random);
            return;
        }

        var u = outcome.Profile.Responsiveness;
        var touch = campaign.Channel == MessageChannel.LinkedInInvite ? outcome.AcceptedMs : outcome.InviteMs;
        if (outcome.AcceptedMs is { } accepted)
        {
            sink.Add(accepted, EventTypes.LinkedInInviteAccepted, null, campaign.Name);
        }

        Website(campaign, outcome, touch, site, sink, ref random);
        if (campaign.Channel == MessageChannel.Email && outcome.Invited)
        {
            OutreachEmail(campaign, outcome, u, site, sink, ref random);
        }

        Newsletters(outcome, lead.Email, u, site, sink, ref random);
        Social(outcome, u, sink, ref random);
    }

    /// <summary>
    /// Replaces the content of <paramref name="events"/> with the lead's pre-contact history (unsorted): events in
    /// [createdAt − HistoryDays, createdAt), drawn from their own stream (7) so <see cref="Simulate"/>'s events stay
    /// the same whether the history is on or off. Empty when <see cref="EngagementModelParameters.HistoryDays"/> is 0
    /// and for spam leads.
    /// </summary>
    public void SimulateHistory(CampaignPlan campaign, int localIndex, LeadOutcome outcome, Lead lead, SiteUrls site, List<EventDraft> events)
    {
        events.Clear();
        if (_p.HistoryDays <= 0 || outcome.Profile.IsSpam)
        {
            return;
        }

        var random = new StreamRandom(StreamRandom.Mix(campaign.Seed, (ulong)localIndex, HistoryStream));
        var sink = new Sink(events, outcome.CreatedMs);
        var u = outcome.Profile.Responsiveness;
        var from = outcome.CreatedMs - (_p.HistoryDays * DayMs);
        var logMean = _p.HistorySessionsIntercept + (_p.HistoryResponsivenessWeight * u) + _p.SessionsSeniorityEffects[(int)outcome.Profile.Seniority];
        var sessions = random.NextPoisson(Math.Exp(logMean));
        for (var i = 0; i < sessions; i++)
        {
            Session(from + (long)(random.NextDouble() * (outcome.CreatedMs - from)), replySession: false, null, outcome, site, sink, ref random);
        }

        if (_p.HistoryNewsletters && lead.Email is { } email && email.Contains('@', StringComparison.Ordinal))
        {
            HistoryNewsletters(from, outcome.CreatedMs, u, site, sink, ref random);
        }
    }

    private static string NewsletterName(long sendMs) =>
        "Newsletter " + DateTimeOffset.FromUnixTimeMilliseconds(sendMs).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The newsletter calendar (every NewsletterIntervalDays back from the last send) extended into [from, until).</summary>
    private void HistoryNewsletters(long from, long until, double u, SiteUrls site, Sink sink, ref StreamRandom random)
    {
        var intervalMs = (long)(_p.NewsletterIntervalDays * DayMs);
        var weight = _p.HistoryNewsletterResponsivenessWeight;
        // Sends are lastSend − j·interval for j ≥ 1 (the recent NewsletterCount of them are the ones Simulate draws).
        for (var j = Math.Max(1, ((_lastNewsletterMs - until) / intervalMs) + 1); ; j++)
        {
            var send = _lastNewsletterMs - (long)(j * _p.NewsletterIntervalDays * DayMs);
            if (send < from)
            {
                break;
            }

            if (!random.Chance(Sigmoid(_p.NewsletterOpenIntercept + (weight * u))))
            {
                continue;
            }

            var name = NewsletterName(send);
            var open = send + Exp(8 * HourMs, ref random);
            sink.Add(open, EventTypes.EmailOpen, null, name);
            if (random.Chance(Sigmoid(_p.NewsletterClickIntercept + (weight * u))))
            {
                sink.Add(open + Exp(2 * MinuteMs, ref random), EventTypes.EmailClick, site.Newsletter, name);
            }
        }
    }

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    private static long Exp(double meanMs, ref StreamRandom random) => (long)random.NextExponential(meanMs);

    private void Website(CampaignPlan campaign, LeadOutcome outcome, long? touch, SiteUrls site, Sink sink, ref StreamRandom random)
    {
        var u = outcome.Profile.Responsiveness;
        var level = (int)outcome.Profile.Seniority;
        var logMean = (_p.SessionsResponsivenessWeight * u) + _p.SessionsSeniorityEffects[level];
        var created = outcome.CreatedMs;

        var baseline = random.NextPoisson(Math.Exp(_p.BaselineSessionsIntercept + logMean));
        for (var i = 0; i < baseline; i++)
        {
            Session(created + (long)(random.NextDouble() * (_exportMs - created)), replySession: false, null, outcome, site, sink, ref random);
        }

        if (touch is { } touched)
        {
            var afterTouch = random.NextPoisson(Math.Exp(_p.TouchSessionsIntercept + logMean));
            for (var i = 0; i < afterTouch; i++)
            {
                Session(touched + Exp(_p.TouchDelayDays * DayMs, ref random), replySession: false, campaign.Name, outcome, site, sink, ref random);
            }
        }

        if (outcome.ReplyMs is { } reply)
        {
            var window = (long)(_p.ReplyWindowDays * DayMs);
            var since = touch ?? created;
            var sessions = random.NextPoisson(_p.ReplySessionsMean);
            for (var i = 0; i < sessions; i++)
            {
                var start = random.Chance(_p.ReplySessionsBeforeShare)
                    ? reply - (long)(random.NextDouble() * Math.Min(window, reply - since))
                    : reply + Exp(window, ref random);
                Session(start, replySession: true, campaign.Name, outcome, site, sink, ref random);
            }
        }
    }

    private void Session(long start, bool replySession, string? campaignName, LeadOutcome outcome, SiteUrls site, Sink sink, ref StreamRandom random)
    {
        var intent = (_p.IntentResponsivenessWeight * outcome.Profile.Responsiveness)
            + (_p.IntentPerSeniority * ((int)outcome.Profile.Seniority - 2))
            + (replySession ? _p.ReplySessionIntent : 0.0);
        var general = 1 + random.NextPoisson(_p.ExtraPagesMean);
        var pricing = random.Chance(Sigmoid(_p.PricingIntercept + intent));
        var demo = random.Chance(Sigmoid(_p.DemoIntercept + intent));
        var download = random.Chance(Sigmoid(_p.DownloadIntercept + intent));

        // Landing page, the intent pages, the other general pages, a download last; each page the time on it after the last.
        var at = start;
        var pages = general + (pricing ? 1 : 0) + (demo ? 1 : 0);
        for (var page = 0; page < pages; page++)
        {
            string type, url;
            if (page == 1 && pricing)
            {
                (type, url) = (EventTypes.PricingPageView, site.Pricing);
            }
            else if (demo && page == (pricing ? 2 : 1))
            {
                (type, url) = (EventTypes.DemoPageView, site.Demo);
            }
            else
            {
                (type, url) = (EventTypes.PageView, random.Pick(site.General));
            }

            var seconds = (int)Math.Clamp(Math.Round(random.NextExponential(_p.PageSecondsMean)), 1, 900);
            sink.Add(at, type, url, campaignName, seconds);
            at += (seconds * 1000L) + random.Next(1000);
        }

        if (download)
        {
            sink.Add(at, EventTypes.Download, random.Pick(site.Downloads), campaignName);
        }
    }

    private void OutreachEmail(CampaignPlan campaign, LeadOutcome outcome, double u, SiteUrls site, Sink sink, ref StreamRandom random)
    {
        var sent = outcome.SentMs;
        for (var step = 0; step < sent.Length; step++)
        {
            var repliedHere = outcome.ReplyStep == step;
            if (!repliedHere && !random.Chance(Sigmoid(_p.OpenIntercept + (_p.EmailResponsivenessWeight * u))))
            {
                continue;
            }

            var firstOpen = repliedHere
                ? sent[step] + (long)(random.NextDouble() * (outcome.ReplyMs!.Value - sent[step]))
                : sent[step] + Exp(6 * HourMs, ref random);
            sink.Add(firstOpen, EventTypes.EmailOpen, null, campaign.Name);
            var extraOpens = random.NextPoisson(_p.ExtraOpensMean);
            for (var i = 0; i < extraOpens; i++)
            {
                sink.Add(firstOpen + Exp(DayMs, ref random), EventTypes.EmailOpen, null, campaign.Name);
            }

            var hasLink = campaign.Profiles[step].HasLink;
            var click = _p.ClickIntercept + (_p.EmailResponsivenessWeight * u) + (hasLink ? _p.ClickLinkEffect : 0.0) + (repliedHere ? _p.ClickReplyStepEffect : 0.0);
            if (random.Chance(Sigmoid(click)))
            {
                sink.Add(firstOpen + Exp(2 * MinuteMs, ref random), EventTypes.EmailClick, hasLink ? site.EmailLink : site.General[0], campaign.Name);
            }

            if (outcome.ReplyStep is null && step == sent.Length - 1 && random.Chance(Sigmoid(_p.UnsubscribeIntercept + (_p.UnsubscribeResponsivenessWeight * u))))
            {
                sink.Add(firstOpen + Exp(5 * MinuteMs, ref random), EventTypes.EmailUnsubscribe, null, campaign.Name);
            }
        }

        if (outcome.ReplyMs is { } reply)
        {
            sink.Add(reply, EventTypes.EmailReply, null, campaign.Name);
        }
    }

    private void Newsletters(LeadOutcome outcome, string? email, double u, SiteUrls site, Sink sink, ref StreamRandom random)
    {
        if (email is null)
        {
            return;
        }

        // "-" and "testmail" are not addresses: the first newsletter bounces and the address is suppressed.
        var dirty = !email.Contains('@', StringComparison.Ordinal);
        foreach (var (send, name) in _newsletters)
        {
            if (send <= outcome.CreatedMs)
            {
                continue;
            }

            if (dirty)
            {
                sink.Add(send + MinuteMs + random.Next(4 * 60_000), EventTypes.EmailBounce, null, name);
                return;
            }

            if (!random.Chance(Sigmoid(_p.NewsletterOpenIntercept + (_p.EmailResponsivenessWeight * u))))
            {
                continue;
            }

            var open = send + Exp(8 * HourMs, ref random);
            sink.Add(open, EventTypes.EmailOpen, null, name);
            if (random.Chance(Sigmoid(_p.NewsletterClickIntercept + (_p.EmailResponsivenessWeight * u))))
            {
                sink.Add(open + Exp(2 * MinuteMs, ref random), EventTypes.EmailClick, site.Newsletter, name);
            }

            if (random.Chance(Sigmoid(_p.UnsubscribeIntercept + (_p.UnsubscribeResponsivenessWeight * u))))
            {
                sink.Add(open + Exp(5 * MinuteMs, ref random), EventTypes.EmailUnsubscribe, null, name);
                return;
            }
        }
    }

    private void Social(LeadOutcome outcome, double u, Sink sink, ref StreamRandom random)
    {
        var connected = outcome.AcceptedMs is not null;
        var count = random.NextPoisson(Math.Exp(_p.SocialIntercept + (_p.SocialResponsivenessWeight * u) + (connected ? _p.SocialConnectedEffect : 0.0)));
        var followed = false;
        for (var i = 0; i < count; i++)
        {
            var at = outcome.CreatedMs + (long)(random.NextDouble() * (_exportMs - outcome.CreatedMs));
            var type = random.NextWeighted(_socialShares) switch
            {
                1 => EventTypes.SocialComment,
                2 => EventTypes.SocialShare,
                3 when !followed => EventTypes.SocialFollow,
                _ => EventTypes.SocialLike,
            };
            followed |= type == EventTypes.SocialFollow;
            sink.Add(at, type, null, null);
        }
    }

    private void Spam(LeadOutcome outcome, SiteUrls site, Sink sink, ref StreamRandom random)
    {
        var bursts = 1 + random.Next(_p.SpamBurstsMax);
        for (var burst = 0; burst < bursts; burst++)
        {
            var at = burst == 0 ? outcome.CreatedMs : outcome.CreatedMs + (long)(random.NextDouble() * (_exportMs - outcome.CreatedMs));
            var captchas = 1 + random.Next(_p.SpamCaptchasMax);
            var forms = _p.SpamFormsMin + random.Next(_p.SpamFormsMax - _p.SpamFormsMin + 1);
            while (captchas + forms > 0)
            {
                var captcha = random.Chance((double)captchas / (captchas + forms));
                sink.Add(at, captcha ? EventTypes.CaptchaFailed : EventTypes.FormSubmitted, site.Contact, null);
                _ = captcha ? captchas-- : forms--;
                at += 200 + (long)(random.NextDouble() * ((_p.SpamGapSecondsMax * 1000) - 200));
            }
        }
    }

    /// <summary>Collects drafts, numbering them in draw order and dropping any at or after <paramref name="untilMs"/> (the export date; the lead's createdAt for history).</summary>
    private readonly struct Sink(List<EventDraft> events, long untilMs)
    {
        public void Add(long ms, string type, string? url, string? campaign, int seconds = 0)
        {
            if (ms < untilMs)
            {
                events.Add(new EventDraft(ms, events.Count, type, url, campaign, seconds));
            }
        }
    }
}
