using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Truth;

/// <summary>
/// The ground-truth files written next to an export (in <c>truth/</c>, never part of the export): plain
/// comma-separated numbers, ids and enum names (no quoting needed), and the model parameters as JSON.
/// Doubles use round-trip formatting, so a reloaded model reproduces every probability bit for bit.
/// </summary>
internal static class TruthFiles
{
    public const string Folder = "truth";
    public const string ModelFile = "model.json";
    public const string MessagesFile = "messages.csv";
    public const string LeadsFile = "leads.csv";

    public const string MessagesHeader = "messageId,campaignId,order,userId,channel,language,isLong,isPersonalised,hasQuestion,hasLink,quality,wording";
    /// <summary>The messages header of truth folders written before the wording column (still read; their wording is 0).</summary>
    public const string MessagesHeaderBeforeWording = "messageId,campaignId,order,userId,channel,language,isLong,isPersonalised,hasQuestion,hasLink,quality";
    public const string LeadsHeader = "leadId,userId,campaignId,seniority,industry,language,gender,responsiveness,isSpam,receivedSteps,receivedReplyProbability,bestReplyProbability,bestSequence";

    public const string Formula =
        "ReplyProbability(lead, m[0..n-1]) = A(lead, m[0]) * (1 - prod_k (1 - h(lead, m[k], k))); "
        + "h = 0 for spam, else sigmoid(Intercept + StepEffects[min(k, last)] + responsiveness + SeniorityEffects[s] + IndustryEffects[i] "
        + "+ language(lead, message) + isLong*(LongMessage + LongMessagePerSeniority*(s-2)) + isPersonalised*Personalised + hasQuestion*Question + hasLink*Link + quality); quality = wording + a latent part, wording = WordingScale * the summed effects of the message's phrases; "
        + "A = 1 unless m[0].channel is LinkedInInvite; then 0 for spam, else sigmoid(AcceptIntercept + AcceptSeniorityEffects[s] "
        + "+ AcceptResponsivenessWeight*responsiveness + isPersonalised(m[0])*AcceptPersonalised + note language term).";

    public const string EngagementFormula =
        "Events per lead from a separate random stream (u = responsiveness, s = seniority 0..4). Spam leads: only 1..SpamBurstsMax bursts of captcha_failed "
        + "and form_submitted seconds apart. Others: linkedin_invite_accepted at the acceptance (exactly when inviteAccepted = t); website sessions "
        + "~ Poisson(exp(BaselineSessionsIntercept + SessionsResponsivenessWeight*u + SessionsSeniorityEffects[s])) uniform over created..export, "
        + "+ Poisson(exp(TouchSessionsIntercept + same terms)) Exp(TouchDelayDays) after the first message reached the lead, "
        + "+ for repliers Poisson(ReplySessionsMean) reply sessions (ReplySessionsBeforeShare in the ReplyWindowDays before the reply); "
        + "a session = 1 + Poisson(ExtraPagesMean) page_view, plus pricing/demo/download each with sigmoid(intercept + IntentResponsivenessWeight*u "
        + "+ IntentPerSeniority*(s-2) + ReplySessionIntent*[reply session]); EmailOutreach: per sent step open with 1 (step replied to) or "
        + "sigmoid(OpenIntercept + EmailResponsivenessWeight*u), click | open sigmoid(ClickIntercept + EmailResponsivenessWeight*u + ClickLinkEffect*link "
        + "+ ClickReplyStepEffect*[step replied to]), email_reply at the reply; newsletters (NewsletterCount, every NewsletterIntervalDays) to the lead's "
        + "address: '-'/'testmail' bounce once, valid addresses open sigmoid(NewsletterOpenIntercept + EmailResponsivenessWeight*u) and click "
        + "sigmoid(NewsletterClickIntercept + EmailResponsivenessWeight*u); unsubscribe | open sigmoid(UnsubscribeIntercept + UnsubscribeResponsivenessWeight*u); "
        + "social ~ Poisson(exp(SocialIntercept + SocialResponsivenessWeight*u + SocialConnectedEffect*accepted)). Every event is before the export date. "
        + "Pre-contact history (HistoryDays > 0, its own stream, ids g-<leadId>-h<n>): Poisson(exp(HistorySessionsIntercept + HistoryResponsivenessWeight*u "
        + "+ SessionsSeniorityEffects[s])) sessions uniform over [created - HistoryDays, created) and, if HistoryNewsletters, the newsletter calendar's "
        + "sends in that window to valid addresses: open sigmoid(NewsletterOpenIntercept + HistoryNewsletterResponsivenessWeight*u), click likewise; "
        + "every history event is before createdAt.";

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string MessageRow(MessageProfile m, bool withWording)
    {
        var row = string.Join(
            ',',
            m.Key.ToString(),
            m.Key.CampaignId.ToString(),
            m.Key.Order.ToString(CultureInfo.InvariantCulture),
            m.UserId.ToString(),
            m.Channel.ToString(),
            m.Language.ToString(),
            Bool(m.IsLong),
            Bool(m.IsPersonalised),
            Bool(m.HasQuestion),
            Bool(m.HasLink),
            Format(m.Quality));
        return withWording ? row + "," + Format(m.Wording) : row;
    }

    public static string LeadRow(LeadTruth t)
    {
        var p = t.Profile;
        var sequence = new StringBuilder();
        foreach (var key in t.BestSequence)
        {
            sequence.Append(sequence.Length == 0 ? string.Empty : " ").Append(key.ToString());
        }

        return string.Join(
            ',',
            t.LeadId.ToString(),
            t.UserId.ToString(),
            t.CampaignId.ToString(),
            p.Seniority.ToString(),
            p.Industry.ToString(),
            p.Language.ToString(),
            p.Gender.ToString(),
            Format(p.Responsiveness),
            Bool(p.IsSpam),
            t.ReceivedSteps.ToString(CultureInfo.InvariantCulture),
            Format(t.ReceivedReplyProbability),
            Format(t.BestReplyProbability),
            sequence.ToString());
    }

    /// <summary>One row of <c>messages.csv</c>; <paramref name="withWording"/> says whether the file has the wording column (truth folders written before it have 11 fields, and their wording is 0).</summary>
    public static MessageProfile ParseMessage(string line, int lineNumber, bool withWording)
    {
        var f = Split(line, withWording ? 12 : 11, MessagesFile, lineNumber);
        return new MessageProfile(
            new MessageKey(new CampaignId(Long(f[1])), (int)Long(f[2])),
            new UserId(Long(f[3])),
            Enum.Parse<MessageChannel>(f[4]),
            Enum.Parse<Language>(f[5]),
            f[6] == "t",
            f[7] == "t",
            f[8] == "t",
            f[9] == "t",
            Double(f[10]),
            withWording ? Double(f[11]) : 0.0);
    }

    public static LeadTruth ParseLead(string line, int lineNumber)
    {
        var f = Split(line, 13, LeadsFile, lineNumber);
        var profile = new LeadProfile(
            Enum.Parse<Seniority>(f[3]),
            Enum.Parse<Industry>(f[4]),
            Enum.Parse<Language>(f[5]),
            Enum.Parse<Gender>(f[6]),
            Double(f[7]),
            f[8] == "t");
        var sequence = f[12].Length == 0
            ? []
            : f[12].Split(' ').Select(text => MessageKey.TryParse(text, out var key) ? key : throw new FormatException($"{LeadsFile}:{lineNumber}: bad message id \"{text}\"")).ToArray();
        return new LeadTruth(
            new LeadId(Long(f[0])),
            new UserId(Long(f[1])),
            new CampaignId(Long(f[2])),
            profile,
            (int)Long(f[9]),
            Double(f[10]),
            Double(f[11]),
            sequence);
    }

    private static string[] Split(string line, int columns, string file, int lineNumber)
    {
        var fields = line.Split(',');
        return fields.Length == columns
            ? fields
            : throw new FormatException($"{file}:{lineNumber}: expected {columns} fields, got {fields.Length}");
    }

    private static string Bool(bool value) => value ? "t" : "f";

    private static long Long(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
