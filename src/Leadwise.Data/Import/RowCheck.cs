using Leadwise.Core.Outreach;

namespace Leadwise.Data.Import;

/// <summary>
/// The checks a row needs beyond its own values (duplicates inside the file, references to other
/// tables), each adding an error placed at the offending field.
/// </summary>
internal readonly struct RowCheck<TRow>(CsvTableReader<TRow> reader, int line, List<ImportIssue> errors)
    where TRow : class
{
    public void Fail(string column, string message) => errors.Add(At(column, message));

    /// <summary>The row's first physical line.</summary>
    public int Line => line;

    /// <summary>An issue placed at the field of <paramref name="column"/> in this row (an error; make it a warning with <c>with</c>).</summary>
    public ImportIssue At(string column, string message) => reader.ErrorInCurrentRecord(line, column, message);

    /// <summary>Fails when <paramref name="value"/> was seen earlier in the file, naming the line it was first seen on.</summary>
    public void Unique(Dictionary<string, int> seenOnLine, string value, string column, string what)
    {
        if (!seenOnLine.TryAdd(value, line))
        {
            Fail(column, $"duplicate {what}: line {seenOnLine[value]} has it already");
        }
    }

    public void LeadExists(IReadOnlySet<LeadId> leads, LeadId lead)
    {
        if (!leads.Contains(lead))
        {
            Fail("leadId", $"lead {lead} is not in the store; import the outreach export that holds it first");
        }
    }

    public void UniqueId(HashSet<long> seen, long id)
    {
        if (!seen.Add(id))
        {
            Fail("id", $"duplicate id {id}: it appears earlier in this file");
        }
    }

    public void UserExists(HashSet<UserId> users, UserId? user, string column = "userId")
    {
        if (user is { } id && !users.Contains(id))
        {
            Fail(column, $"user {id} is neither in Users.csv nor in the store");
        }
    }

    public void CampaignExists(HashSet<CampaignId> campaigns, CampaignId campaign)
    {
        if (!campaigns.Contains(campaign))
        {
            Fail("campaignId", $"campaign {campaign} is neither in Campaigns.csv nor in the store");
        }
    }
}
