namespace Leadwise.Testing.Exports;

/// <summary>
/// The default export <see cref="ExportFolderBuilder"/> writes: a small, valid five-file export as the
/// raw text a user's files would hold. Ids are large integers that are not row positions; Messages.csv
/// holds a quoted multi-line content with commas, doubled quotes and umlauts, so the rows after it
/// test physical line numbers. Line numbers below are 1-based physical lines (the header is line 1).
/// </summary>
public static class OutreachExportText
{
    public const string Users = "Users.csv";
    public const string Campaigns = "Campaigns.csv";
    public const string Messages = "Messages.csv";
    public const string Leads = "Leads.csv";
    public const string Records = "Records.csv";

    public static readonly IReadOnlyList<string> FileNames = [Users, Campaigns, Messages, Leads, Records];

    // Ids above 2^53: a double-based parser would round them.
    public const long AcmeUserId = 9007199254740993;
    public const long SmallUserId = 42;
    public const long SalesNavCampaignId = 9007199254740995;
    public const long ExistingCampaignId = 77;
    public const long AnnaLeadId = 9007199254740997;
    public const long JoergLeadId = 12;
    public const long ClaireLeadId = 5;

    public const string UsersHeader = "id,companyName,email,role,userBoughtCredit,userUsedCredit,createdAt,updatedAt";

    public const string CampaignsHeader = "id,name,type,status,numOfLeads,numOfInvitesSent,numOfInvitesAccepted,numOfRepliesReceived,userId,useFirstName,deleted,lastScheduledToScrapeAt,minimumInvites,maximumInvites,firstFollowUpsSent,secondFollowUpsSent,thirdFollowUpsSent,fourthFollowUpsSent,fifthFollowUpsSent,sixthFollowUpsSent,invitesWithdrawn,useScraperAccounts,createdAt,updatedAt";

    public const string MessagesHeader = "order,type,campaignId,name,content,maleSalutation,femaleSalutation,interval,createdAt,updatedAt";

    public const string LeadsHeader = "id,userId,campaignId,name,firstName,lastName,gender,email,companyName,title,city,country,location,inviteSentAt,inviteAccepted,inviteWithdrawnAt,firstFollowUpSentAt,secondFollowUpSentAt,thirdFollowUpSentAt,fourthFollowUpSentAt,fifthFollowUpSentAt,sixthFollowUpSentAt,firstEmailFollowUpSentAt,secondEmailFollowUpSentAt,emailFollowUpThreadId,replied,existingMessagesCount,inviteAttempts,skip,skipReason,cdsEmployeeId,createdAt,updatedAt";

    public const string RecordsHeader = "id,campaignId,userId,status,numOfInvitesSent,numOfInvitesAccepted,numOfRepliesReceived,firstFollowUpsSent,secondFollowUpsSent,thirdFollowUpsSent,fourthFollowUpsSent,fifthFollowUpsSent,sixthFollowUpsSent,invitesWithdrawn,minimumInvites,maximumInvites,createdAt,updatedAt";

    /// <summary>The content of message 1-<see cref="SalesNavCampaignId"/> as it must be stored (LF line ends).</summary>
    public const string MultiLineContent =
        "{{ salutation }} {{ first_name }},\nvielen Dank für die Vernetzung!\nDarf ich Ihnen unser \"Lead-Scoring\" zeigen? Grüße, Jörg\n— Team Ä";

    /// <summary>Messages.csv: physical line of the invite of the SalesNav campaign.</summary>
    public const int InviteMessageLine = 2;

    /// <summary>Messages.csv: first physical line of the multi-line follow-up 1 (it spans four lines).</summary>
    public const int MultiLineMessageLine = 3;

    /// <summary>Messages.csv: physical line of follow-up 2, right after the four-line message.</summary>
    public const int MessageAfterMultiLineLine = 7;

    /// <summary>Leads.csv: physical lines of the three leads.</summary>
    public const int AnnaLine = 2;
    public const int JoergLine = 3;
    public const int ClaireLine = 4;

    public static string UsersText => Lines(
        UsersHeader,
        Row("9007199254740993", "Acme GmbH", "owner@acme.example", "Admin", "100.50", "12", "2023-10-19 10:31:45.096+00", "2023-10-20 08:00:00+02"),
        Row("42", "\"Müller & Söhne, KG\"", "-", "User", "", "", "2023-01-02 03:04:05+05:30", ""));

    public static string CampaignsText => Lines(
        CampaignsHeader,
        Row("9007199254740995", "Q4 CTOs DACH", "OutreachSalesNav", "ACTIVE", "3", "3", "2", "1", "9007199254740993", "t", "f",
            "2023-10-19 10:31:45.096+00", "10", "40", "2", "1", "0", "0", "0", "0", "0", "f", "2023-09-01 09:00:00+00", "2023-10-19 10:31:45.096+00"),
        Row("77", "Existing contacts", "ExistingSalesNav", "STOPPED", "0", "0", "0", "0", "42", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "2023-01-05 12:00:00.5+00", ""));

    public static string MessagesText => Lines(
        MessagesHeader,
        Row("0", "LINKEDIN", "9007199254740995", "Invite", "\"{{ salutation }} {{ first_name }}, ich würde mich gerne vernetzen.\"", "Hallo", "Hallo", "",
            "2023-09-01 09:00:00+00", "2023-09-01 09:00:00+00"),
        Row("1", "LINKEDIN", "9007199254740995", "Follow-up 1", "\"" + MultiLineContent.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", "Moin", "Moin", "1",
            "2023-09-01 09:00:00+00", ""),
        Row("2", "LINKEDIN", "9007199254740995", "Follow-up 2", "\"Kurze Nachfrage, {{ first_name }}.\"", "Dear", "Dear", "1.0",
            "2023-09-01 09:00:00+00", "2023-09-02 09:00:00+00"),
        Row("0", "LINKEDIN", "77", "Hello", "Hi {{ first_name }}", "Hi", "Hi", "", "", ""));

    public static string LeadsText => Lines(
        LeadsHeader,
        Row("9007199254740997", "9007199254740993", "9007199254740995", "Anna Schmidt", "Anna", "Schmidt", "female", "anna@example.com", "Beispiel AG", "CTO",
            "Berlin", "Germany", "\"Berlin, Germany\"", "2023-10-01 09:00:00.123456+00", "t", "", "2023-10-02 09:00:00+02", "", "", "", "", "", "", "",
            "", "t", "2", "1", "f", "", "", "2023-09-30 08:00:00+00", "2023-10-03 10:00:00+00"),
        Row("12", "", "9007199254740995", "jörg müller", "jörg", "müller", "male", "-", "Test ME", "-",
            "", "", "", "2023-10-01 09:05:00+00", "f", "", "", "", "", "", "", "", "", "",
            "", "f", "", "1", "", "", "", "2023-09-30 08:00:00+00", ""),
        Row("5", "42", "77", "Claire Dubois", "Claire", "Dubois", "female", "", "", "",
            "Paris", "France", "\"Paris, France\"", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "t", "already connected", "", "2023-01-06 00:00:00-03", ""));

    public static string RecordsText => Lines(
        RecordsHeader,
        Row("3", "9007199254740995", "9007199254740993", "ACTIVE", "3", "2", "1", "2", "1", "0", "0", "0", "0", "0", "10", "40", "2023-10-19 00:00:00+00", "2023-10-19 00:00:00+00"),
        Row("9007199254740999", "77", "", "STOPPED", "0", "0", "0", "", "", "", "", "", "", "", "", "", "2023-01-06 00:00:00+00", ""));

    public static string TextOf(string fileName) => fileName switch
    {
        Users => UsersText,
        Campaigns => CampaignsText,
        Messages => MessagesText,
        Leads => LeadsText,
        Records => RecordsText,
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a file of the export."),
    };

    /// <summary>The header of a file of the export.</summary>
    public static string HeaderOf(string fileName) => fileName switch
    {
        Users => UsersHeader,
        Campaigns => CampaignsHeader,
        Messages => MessagesHeader,
        Leads => LeadsHeader,
        Records => RecordsHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a file of the export."),
    };

    /// <summary>A full Leads.csv row with valid values, for tests that add leads.</summary>
    public static string LeadRow(long id, long campaignId, long? userId = null, string name = "Max Mustermann") => Row(
        id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        userId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        name, "", "", "", "", "", "", "", "", "", "2023-10-01 09:00:00+00", "f", "", "", "", "", "", "", "", "", "",
        "", "f", "", "", "", "", "", "2023-09-30 08:00:00+00", "");

    public static string Row(params string[] fields) => string.Join(',', fields);

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
