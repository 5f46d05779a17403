using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Generator.Simulation;
using Leadwise.Generator.Text;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Planning;

/// <summary>Draws the accounts, campaigns and messages of an export (everything but the leads) from the seed.</summary>
internal static class PlanBuilder
{
    public const long DayMs = 86_400_000;

    private static readonly string[] AgencyNames = ["Vertriebsprofis GmbH", "LinkedGrowth UG", "Growth Partners Ltd", "Nordlicht Sales GmbH", "Pipeline Builders Inc.", "Kundenmagnet GmbH", "Outreach Lab B.V.", "Akquise, Plan & Co. KG", "Brightlead Ltd", "Termin-Turbo GmbH"];
    private static readonly double[] CampaignsPerUserWeights = Enumerable.Range(1, 15).Select(n => Math.Pow(n, -1.1)).ToArray();
    private static readonly double[] FollowUpWeights = [0, 25, 57, 10, 7.5, 0.5];
    private static readonly double[] FirstIntervals = [1, 2, 3];
    private static readonly double[] FirstIntervalWeights = [0.4, 0.35, 0.25];
    private static readonly double[] LaterIntervals = [2, 3, 7, 1.5];
    private static readonly double[] LaterIntervalWeights = [0.3, 0.35, 0.3, 0.05];

    public static ExportPlan Build(GeneratorOptions options)
    {
        var random = new StreamRandom(StreamRandom.Mix((ulong)options.Seed, 1));
        var salt = StreamRandom.Mix((ulong)options.Seed, 2);
        var exportMs = options.ExportDate.ToUnixTimeMilliseconds();
        var userCount = Math.Max(3, (int)Math.Round(options.LeadCount / 1600.0));

        var accounts = new List<AccountPlan>(userCount);
        for (var i = 0; i < userCount; i++)
        {
            accounts.Add(Account(i, salt, exportMs, ref random));
        }

        // Campaign shells first (owner, type, size weight); sizes are then scaled to LeadCount.
        var shells = new List<(AccountPlan Account, string Type, double Weight)>();
        foreach (var account in accounts)
        {
            var count = random.NextWeighted(CampaignsPerUserWeights) + 1;
            for (var c = 0; c < count; c++)
            {
                var roll = random.NextDouble();
                var type = roll < 0.9 ? "OutreachSalesNav" : roll < 0.95 ? "ExistingSalesNav" : "EmailOutreach";
                var weight = Math.Exp(1.4 * random.NextNormal()) * (type == "OutreachSalesNav" ? 1.0 : 0.3);
                shells.Add((account, type, weight));
            }
        }

        var sizes = Apportion(options.LeadCount, shells.Select(shell => shell.Weight).ToArray());
        var campaigns = new List<CampaignPlan>(shells.Count);
        long firstLead = 0;
        for (var i = 0; i < shells.Count; i++)
        {
            var (account, type, _) = shells[i];
            campaigns.Add(Campaign(i, account, type, sizes[i], firstLead, salt, exportMs, options.Model, ref random));
            firstLead += sizes[i];
        }

        return new ExportPlan(options, new TrueReplyModel(options.Model), accounts, campaigns);
    }

    private static AccountPlan Account(int index, ulong salt, long exportMs, ref StreamRandom random)
    {
        var created = exportMs - (long)((950 + (random.NextDouble() * 350)) * DayMs) + random.Next(86_400_000);
        var company = AgencyNames[index % AgencyNames.Length];
        var role = index == 0 ? "SuperAdmin" : random.Chance(0.15) ? "Admin" : "User";
        var bought = 500m * (1 + random.Next(40));
        var used = Math.Round(bought * (decimal)(0.2 + (0.8 * random.NextDouble())));
        var home = random.Chance(0.7) ? Language.German : Language.English;
        var user = new User
        {
            Id = new UserId(Ids.Make(Ids.UserBase, 1_009, salt ^ 1, index)),
            CompanyName = company,
            Email = string.Create(CultureInfo.InvariantCulture, $"team{index + 1}@{Companies.Domain(company, home == Language.German ? "de" : "com")}"),
            Role = role,
            BoughtCredit = bought,
            UsedCredit = used,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(created),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(exportMs - 1 - (long)(random.NextDouble() * 30 * DayMs)),
        };
        return new AccountPlan(
            user,
            home,
            LongRate: 0.15 + (0.55 * random.NextDouble()),
            PersonalisedRate: 0.3 + (0.6 * random.NextDouble()),
            QuestionRate: 0.2 + (0.6 * random.NextDouble()),
            LinkRate: 0.05 + (0.35 * random.NextDouble()));
    }

    private static CampaignPlan Campaign(int index, AccountPlan account, string type, int leadCount, long firstLead, ulong salt, long exportMs, TrueModelParameters model, ref StreamRandom random)
    {
        var id = new CampaignId(Ids.Make(Ids.CampaignBase, 53, salt ^ 2, index));
        var channel = type switch
        {
            "OutreachSalesNav" => MessageChannel.LinkedInInvite,
            "ExistingSalesNav" => MessageChannel.LinkedInExisting,
            _ => MessageChannel.Email,
        };
        var userCreated = account.User.CreatedAt!.Value.ToUnixTimeMilliseconds();
        var start = Math.Max(userCreated + (4 * DayMs), exportMs - (long)((25 + (random.NextDouble() * 875)) * DayMs));
        var stopped = random.Chance(0.4);
        var end = stopped ? start + (long)(Math.Max(5 * DayMs, (exportMs - start) * (0.3 + (0.65 * random.NextDouble())))) : exportMs;
        end = Math.Min(end, exportMs);
        var invitedFraction = random.Chance(0.2) ? 1.0 : 0.35 + (0.55 * random.NextDouble());
        var target = Target(account, ref random);
        var created = start - (long)(random.NextDouble() * 3 * DayMs);

        var followUps = random.NextWeighted(FollowUpWeights);
        var messages = new Message[followUps + 1];
        var profiles = new MessageProfile[followUps + 1];
        for (var order = 0; order <= followUps; order++)
        {
            var language = random.Chance(0.85) ? target.Language : Other(target.Language);
            var profile = new MessageProfile(
                new MessageKey(id, order),
                account.User.Id,
                channel,
                language,
                IsLong: random.Chance(order == 0 ? account.LongRate * 0.5 : account.LongRate),
                IsPersonalised: random.Chance(account.PersonalisedRate),
                HasQuestion: random.Chance(order == 0 ? account.QuestionRate * 0.5 : account.QuestionRate),
                HasLink: order > 0 && random.Chance(account.LinkRate),
                Quality: model.LatentQualitySd * random.NextNormal());
            var (male, female) = MessageTemplates.Salutations(language, ref random);
            double? interval = order == 0 ? null
                : order == 1 ? FirstIntervals[random.NextWeighted(FirstIntervalWeights)]
                : LaterIntervals[random.NextWeighted(LaterIntervalWeights)];
            var messageCreated = created + random.Next(3_600_000);
            var written = MessageTemplates.Content(profile, ref random);
            if (model.WordingScale != 0)
            {
                var wording = model.WordingScale * written.WordingEffect;
                profile = profile with { Quality = profile.Quality + wording, Wording = wording };
            }

            profiles[order] = profile;
            messages[order] = new Message
            {
                CampaignId = id,
                Order = order,
                Type = channel == MessageChannel.Email ? "EMAIL" : "LINKEDIN",
                Name = MessageTemplates.Name(language, order),
                Content = written.Content,
                MaleSalutation = male,
                FemaleSalutation = female,
                IntervalDays = interval,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(messageCreated),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(exportMs - 1, messageCreated + (long)(random.NextDouble() * 2 * DayMs))),
            };
        }

        var minimum = 10 + random.Next(11);
        return new CampaignPlan(
            id,
            account,
            CampaignName(target, start, ref random),
            type,
            channel,
            stopped,
            Deleted: random.Chance(0.03),
            start,
            end,
            PlannedSpanMs: (end - start) / invitedFraction,
            leadCount,
            firstLead,
            StreamRandom.Mix((ulong)id.Value, salt, 3),
            target,
            minimum,
            minimum + 5 + random.Next(21),
            messages,
            profiles);
    }

    private static Segment Target(AccountPlan account, ref StreamRandom random)
    {
        var language = random.Chance(0.8) ? account.HomeLanguage : Other(account.HomeLanguage);
        Industry? industry = random.Chance(0.6) ? (Industry)random.Next(7) : null;
        var band = random.NextDouble();
        return band switch
        {
            < 0.35 => new Segment(language, industry, Seniority.Head, Seniority.Executive),
            < 0.60 => new Segment(language, industry, Seniority.Manager, Seniority.Head),
            < 0.75 => new Segment(language, industry, Seniority.Student, Seniority.Junior),
            _ => new Segment(language, industry, Seniority.Student, Seniority.Executive),
        };
    }

    private static string CampaignName(Segment target, long startMs, ref StreamRandom random)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
        var region = target.Language == Language.German ? "DACH" : random.Pick<string>(["UK & US", "Benelux", "UK", "US"]);
        var audience = (target.MinSeniority, target.MaxSeniority) switch
        {
            (Seniority.Head, _) => target.Language == Language.German ? "Geschäftsführer & Leiter" : "Founders & Heads",
            (Seniority.Manager, _) => "Manager",
            (Seniority.Student, Seniority.Junior) => target.Language == Language.German ? "Werkstudenten, Junioren" : "Juniors",
            _ => target.Language == Language.German ? "Alle Entscheider" : "All titles",
        };
        var industry = target.Industry?.ToString() ?? "mixed";
        var quarter = ((start.Month - 1) / 3) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{region} – {audience} – {industry} (Q{quarter} {start.Year})");
    }

    private static Language Other(Language language) => language == Language.German ? Language.English : Language.German;

    /// <summary>Splits <paramref name="total"/> proportionally to the weights; the remainder goes to the first campaigns.</summary>
    private static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var sizes = weights.Select(weight => (int)Math.Floor(total * weight / sum)).ToArray();
        var remainder = total - sizes.Sum();
        for (var i = 0; remainder > 0; i = (i + 1) % sizes.Length, remainder--)
        {
            sizes[i]++;
        }

        return sizes;
    }
}
