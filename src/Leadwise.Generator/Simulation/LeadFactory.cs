using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Generator.Planning;
using Leadwise.Generator.Text;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// Turns a simulated outcome into the export's <see cref="Lead"/> row: names, company, title and place drawn
/// from the lead's second random stream (so cosmetics never disturb outcomes), plus realistic dirty values.
/// </summary>
internal static class LeadFactory
{
    private static readonly string[] SkipReasons = ["Profile not found", "Already connected", "Pending invite limit reached"];

    public static Lead Create(ExportPlan plan, CampaignPlan campaign, int localIndex, LeadOutcome outcome, ulong idSalt)
    {
        var random = new StreamRandom(StreamRandom.Mix(campaign.Seed, (ulong)localIndex, 2));
        var dirty = plan.Options.DirtyValueScale;
        var profile = outcome.Profile;
        var german = profile.Language == Language.German;
        var place = PickPlace(german ? People.GermanPlaces : People.EnglishPlaces, ref random);
        var city = random.Pick(place.Cities);

        string first, last, company, title;
        if (profile.IsSpam)
        {
            first = random.Pick(People.SpamFirst);
            last = random.Pick(People.SpamLast);
            company = random.Chance(0.5) ? first + " GmbH" : "-";
            title = random.Chance(0.5) ? "-" : last;
        }
        else
        {
            var male = profile.Gender == Gender.Male;
            first = random.Pick(german ? (male ? People.GermanMaleFirst : People.GermanFemaleFirst) : (male ? People.EnglishMaleFirst : People.EnglishFemaleFirst));
            last = random.Pick(german ? People.GermanLast : People.EnglishLast);
            company = Companies.Name(profile.Industry, profile.Language, ref random);
            title = People.Title(profile.Seniority, profile.Industry, profile.Language, profile.Gender, ref random);
        }

        var email = Email(first, last, company, place.TopLevelDomain, dirty, ref random);
        if (random.Chance(0.03 * dirty))
        {
            first = first.ToLowerInvariant();
            last = last.ToLowerInvariant();
        }

        if (random.Chance(0.004 * dirty))
        {
            company = "Test ME";
        }

        if (random.Chance(0.02 * dirty))
        {
            title = "-";
        }

        string? gender = random.Chance(0.06 * dirty) ? null : profile.Gender == Gender.Male ? "male" : "female";
        var sent = outcome.SentMs;
        var inviteAttempts = outcome.Invited ? (random.Chance(0.05) ? 2 : 1) : 0;
        var existing = campaign.Channel == MessageChannel.LinkedInExisting ? random.Next(6) : 0;
        var createdMs = outcome.CreatedMs;
        var updatedMs = outcome.LastEventMs + (long)(random.NextDouble() * Math.Min(LeadSimulator.HourMs, campaign.EndMs - outcome.LastEventMs - 1));

        return new Lead
        {
            Id = new LeadId(Ids.Make(Ids.LeadBase, 7, idSalt, outcome.GlobalIndex)),
            UserId = campaign.UserId,
            CampaignId = campaign.Id,
            Name = first + " " + last,
            FirstName = first,
            LastName = last,
            Gender = gender,
            Email = email,
            CompanyName = company,
            Title = title,
            City = city,
            Country = place.Country,
            Location = string.Create(CultureInfo.InvariantCulture, $"{city}, {place.Country}"),
            InviteSentAt = At(outcome.InviteMs),
            InviteAccepted = !outcome.Invited || campaign.Channel != MessageChannel.LinkedInInvite ? null : outcome.AcceptedMs is not null,
            InviteWithdrawnAt = At(outcome.WithdrawnMs),
            FirstFollowUpSentAt = sent.Length > 1 ? At(sent[1]) : null,
            SecondFollowUpSentAt = sent.Length > 2 ? At(sent[2]) : null,
            ThirdFollowUpSentAt = sent.Length > 3 ? At(sent[3]) : null,
            FourthFollowUpSentAt = sent.Length > 4 ? At(sent[4]) : null,
            FifthFollowUpSentAt = sent.Length > 5 ? At(sent[5]) : null,
            SixthFollowUpSentAt = sent.Length > 6 ? At(sent[6]) : null,
            Replied = outcome.ReplyStep is not null,
            ExistingMessagesCount = existing,
            InviteAttempts = inviteAttempts,
            Skip = outcome.Skipped,
            SkipReason = outcome.Skipped ? random.Pick(SkipReasons) : null,
            CreatedAt = At(createdMs),
            UpdatedAt = At(updatedMs),
        };
    }

    private static string? Email(string first, string last, string company, string topLevelDomain, double dirty, ref StreamRandom random)
    {
        var roll = random.NextDouble();
        if (roll < 0.08 * dirty)
        {
            return "-";
        }

        if (roll < 0.10 * dirty)
        {
            return "testmail";
        }

        if (roll < (0.10 * dirty) + 0.30)
        {
            return null;
        }

        var local = Companies.Domain(first + last, "x");
        local = local[..^2];
        var domain = Companies.Domain(company, topLevelDomain);
        return string.Create(CultureInfo.InvariantCulture, $"{(local.Length > 0 ? local : "info")}@{domain}");
    }

    private static Place PickPlace(Place[] places, ref StreamRandom random)
    {
        Span<double> weights = stackalloc double[places.Length];
        for (var i = 0; i < places.Length; i++)
        {
            weights[i] = places[i].Weight;
        }

        return places[random.NextWeighted(weights)];
    }

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
