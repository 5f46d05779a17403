using System.Collections.Frozen;
using System.Globalization;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Rules;

/// <summary>Every field a rule can read: lead, campaign and company fields, and fields derived by Signals.</summary>
public static class RuleFields
{
    private static readonly string[] SeniorityNames = Enum.GetNames<Seniority>();
    private static readonly string[] EmailKindNames = Enum.GetNames<EmailKind>();

    public static IReadOnlyList<RuleField> All { get; } =
    [
        // Lead fields, as imported.
        Text("title", "the lead's job title", f => f.Lead.Title),
        Text("firstName", "first name", f => f.Lead.FirstName),
        Text("lastName", "last name", f => f.Lead.LastName),
        Text("name", "full name", f => f.Lead.Name),
        Text("gender", "gender as exported (male/female/…)", f => f.Lead.Gender),
        Text("email", "email address", f => f.Lead.Email),
        Text("companyName", "company name as the lead gave it", f => f.Lead.CompanyName),
        Text("city", "city", f => f.Lead.City),
        Text("country", "country as exported (e.g. Germany, Deutschland)", f => f.Lead.Country),
        Text("location", "free-text location, usually \"city, country\"", f => f.Lead.Location),
        Text("skipReason", "why the outreach tool skipped the lead", f => f.Lead.SkipReason),
        Flag("replied", "the lead replied to the outreach (the export's conversion)", f => f.Lead.Replied),
        Flag("inviteAccepted", "the LinkedIn invite was accepted", f => f.Lead.InviteAccepted),
        Flag("skip", "the outreach tool skipped the lead", f => f.Lead.Skip),
        Number("stepsSent", "outreach steps sent, invite included (0 = never contacted)", f => f.Lead.StepsSent),
        Number("inviteAttempts", "invite attempts", f => f.Lead.InviteAttempts),
        Number("existingMessagesCount", "messages exchanged before the campaign", f => f.Lead.ExistingMessagesCount),

        // Campaign fields.
        Text("campaign.type", "campaign type (OutreachSalesNav, ExistingSalesNav, email types)", f => f.Campaign?.Type),
        Text("campaign.name", "campaign name", f => f.Campaign?.Name),
        Text("campaign.status", "campaign status (ACTIVE, STOPPED, …)", f => f.Campaign?.Status),

        // Company fields (from the optional companies file).
        Text("company.name", "company name in the companies file", f => f.Company?.Name),
        Text("company.industry", "industry", f => f.Company?.Industry),
        Number("company.employees", "number of employees", f => f.Company?.Employees),
        Text("company.targetMarket", "whom the company sells to (B2B, B2C, Enterprise)", f => f.Company?.TargetMarket),
        Text("company.country", "the company's country", f => f.Company?.Country),
        Text("company.domain", "the company's domain, lower case", f => f.Company?.Domain),

        // Derived by Signals.
        new RuleField
        {
            Name = "seniority",
            Kind = FieldKind.Text,
            Description = "seniority read from the title: " + string.Join('/', SeniorityNames),
            AllowedValues = SeniorityNames,
            Text = static (ref LeadContext c) => SeniorityName(c.Seniority),
            Explain = static (ref LeadContext c) => "title " + Quote(c.Facts.Lead.Title) + " → " + SeniorityName(c.Seniority),
            ReasonKey = static f => f.Lead.Title,
        },
        new RuleField
        {
            Name = "emailKind",
            Kind = FieldKind.Text,
            Description = "what the email address is: " + string.Join('/', EmailKindNames),
            AllowedValues = EmailKindNames,
            Text = static (ref LeadContext c) => EmailKindName(c.EmailKind),
            Explain = static (ref LeadContext c) => "email " + Quote(c.Facts.Lead.Email) + " → " + EmailKindName(c.EmailKind),
        },
        new RuleField
        {
            Name = "emailDomain",
            Kind = FieldKind.Text,
            Description = "the email's domain, lower case",
            Text = static (ref LeadContext c) => EmailClassifier.Domain(c.Facts.Lead.Email),
        },
        new RuleField
        {
            Name = "companyNameValid",
            Kind = FieldKind.Flag,
            Description = "companyName is present and neither a placeholder nor keyboard mash",
            Flag = static (ref LeadContext c) => c.CompanyNameValid,
            Explain = static (ref LeadContext c) => "companyName " + Quote(c.Facts.Lead.CompanyName),
            ReasonKey = static f => f.Lead.CompanyName,
        },
        SpamFlag(
            "spam.nameNotCapitalised",
            "first or last name starts lower case",
            static (ref LeadContext c) => c.NameNotCapitalised,
            static f => Invariant($"firstName {Quote(f.Lead.FirstName)} / lastName {Quote(f.Lead.LastName)} not capitalised")),
        SpamFlag(
            "spam.keyboardMash",
            "name, company or title looks like keyboard mash",
            static (ref LeadContext c) => c.AnyKeyboardMash,
            static f => Invariant($"keyboard mash in name {Quote(f.Lead.Name ?? f.Lead.FirstName)}, company {Quote(f.Lead.CompanyName)} or title {Quote(f.Lead.Title)}")),
        SpamFlag(
            "spam.placeholder",
            "email, company, title or name is a placeholder (\"-\", \"n/a\", \"test\" …)",
            static (ref LeadContext c) => c.AnyPlaceholder,
            static f => Invariant($"placeholder in email {Quote(f.Lead.Email)}, company {Quote(f.Lead.CompanyName)}, title {Quote(f.Lead.Title)} or name {Quote(f.Lead.Name)}")),
        SpamFlag(
            "spam.invalidEmail",
            "email is present but not a valid address (a placeholder such as \"-\" counts under spam.placeholder instead)",
            static (ref LeadContext c) => c.EmailKind == EmailKind.Invalid && !c.EmailIsPlaceholder,
            static f => Invariant($"email {Quote(f.Lead.Email)} → Invalid")),
        SpamFlag(
            "spam.disposableEmail",
            "email at a disposable mail provider",
            static (ref LeadContext c) => c.EmailKind == EmailKind.Disposable,
            static f => Invariant($"email {Quote(f.Lead.Email)} → Disposable")),
        SpamFlag(
            "spam.testEmail",
            "a test address (test@…, example.com …)",
            static (ref LeadContext c) => c.EmailKind == EmailKind.Test,
            static f => Invariant($"email {Quote(f.Lead.Email)} → Test")),
        new RuleField
        {
            Name = "spam.captchaFailed",
            Kind = FieldKind.Flag,
            Description = "a captcha_failed event at or before the as-of time",
            Flag = static (ref LeadContext c) => HasEventBy(c.Facts, EventTypes.CaptchaFailed, c.AsOf),
            Explain = static (ref LeadContext c) => "captcha_failed event",
        },
    ];

    private static readonly FrozenDictionary<string, RuleField> ByName =
        All.ToFrozenDictionary(field => field.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out RuleField field) => ByName.TryGetValue(name, out field!);

    internal static string Quote(string? value) => value is null ? "(none)" : "\"" + value + "\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string SeniorityName(Seniority seniority) =>
        (uint)seniority < (uint)SeniorityNames.Length ? SeniorityNames[(int)seniority] : seniority.ToString();

    private static string EmailKindName(EmailKind kind) =>
        (uint)kind < (uint)EmailKindNames.Length ? EmailKindNames[(int)kind] : kind.ToString();

    private static bool HasEventBy(LeadFacts facts, string type, DateTimeOffset asOf)
    {
        var events = facts.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (string.Equals(e.Type, type, StringComparison.Ordinal) && e.OccurredAt <= asOf)
            {
                return true;
            }
        }

        return false;
    }

    private static RuleField Text(string name, string description, Func<LeadFacts, string?> read) =>
        new() { Name = name, Kind = FieldKind.Text, Description = description, Text = (ref LeadContext c) => read(c.Facts) };

    private static RuleField Number(string name, string description, Func<LeadFacts, double?> read) =>
        new() { Name = name, Kind = FieldKind.Number, Description = description, Number = (ref LeadContext c) => read(c.Facts) };

    private static RuleField Flag(string name, string description, Func<LeadFacts, bool?> read) =>
        new() { Name = name, Kind = FieldKind.Flag, Description = description, Flag = (ref LeadContext c) => read(c.Facts) };

    private static RuleField SpamFlag(string name, string description, FieldReader<bool> read, Func<LeadFacts, string> explain) =>
        new()
        {
            Name = name,
            Kind = FieldKind.Flag,
            Description = description,
            Flag = (ref LeadContext c) => read(ref c),
            Explain = (ref LeadContext c) => explain(c.Facts),
        };
}
