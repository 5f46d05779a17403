using System.Globalization;

namespace Leadwise.Learning.Model;

/// <summary>A feature group and a value in the words a sales person reads, e.g. "Title seniority is Manager".</summary>
public static class FeatureWords
{
    private const string EventsBefore = "eventsBefore=";
    private const string TitleWord = "titleWord=";
    private const string Points = "points.";

    /// <summary>The campaign-owner feature, whose sentence names the account when given <see cref="AccountNames"/>.</summary>
    public const string CampaignOwner = "campaignOwner";

    /// <param name="feature">The feature's name as the encoder writes it, e.g. "seniority" or "titleWord=director".</param>
    /// <param name="value">Its value for the lead (or the typical lead).</param>
    /// <param name="accounts">The accounts the reader may see, to name the campaign owner; without it the owner reads as its id.</param>
    public static string Sentence(string feature, string value, AccountNames? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(value);
        var yes = value == "1";
        if (feature.StartsWith(EventsBefore, StringComparison.Ordinal))
        {
            return $"{value} × {feature[EventsBefore.Length..].Replace('_', ' ')} before the invite";
        }

        if (feature.StartsWith(TitleWord, StringComparison.Ordinal))
        {
            return yes ? $"Title contains '{feature[TitleWord.Length..]}'" : $"Title does not contain '{feature[TitleWord.Length..]}'";
        }

        if (feature.StartsWith(Points, StringComparison.Ordinal))
        {
            return $"{feature[Points.Length..]} points at the invite: {value}";
        }

        return feature switch
        {
            "seniority" => $"Title seniority is {value}",
            "emailKind" => $"Email address is {value}",
            "gender" => $"Gender is {value}",
            "country" => $"Country is {value}",
            "campaignType" => $"Campaign type is {value}",
            CampaignOwner => value == "(other)" ? "Campaign owner is another user"
                : accounts is null ? $"Campaign owner is user {value}" : $"Campaign owner is {accounts.Describe(value)}",
            "companyNamed" => yes ? "Company name given" : "No company name",
            "company.log2Employees" => value == "missing" ? "Company size unknown" : $"Company has {value} employees",
            "campaign.log2Size" => value == "missing" ? "Campaign size unknown" : $"Campaign has {value} leads",
            "leadGermanSpeaking" => yes ? "Lead is in a German-speaking country" : "Lead is outside German-speaking countries",
            "invite.german" => yes ? "Invite is in German" : "Invite is not in German",
            "invite.languageMatch" => yes ? "Invite is in the lead's language" : "Invite is not in the lead's language",
            "invite.long" => yes ? "Invite is long" : "Invite is short",
            "invite.personalised" => yes ? "Invite is personalised" : "Invite is not personalised",
            "invite.question" => yes ? "Invite asks a question" : "Invite asks no question",
            "invite.link" => yes ? "Invite has a link" : "Invite has no link",
            "followUps" => $"{value} follow-ups planned",
            "followUps.languageMatchShare" => $"{Share(value)} of follow-ups in the lead's language",
            "followUps.longShare" => $"{Share(value)} of follow-ups long",
            "followUps.personalisedShare" => $"{Share(value)} of follow-ups personalised",
            _ => $"{feature} is {value}",
        };
    }

    private static string Share(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) ? share.ToString("P0", CultureInfo.InvariantCulture) : value;
}
