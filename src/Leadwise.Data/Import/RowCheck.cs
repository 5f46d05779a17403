using Leadwise.Core.Outreach;

namespace Leadwise.Data.Import;

/// <summary>
/// The checks a row needs beyond its own values (duplicates inside the file, references to other
/// tables), each adding an error placed at the offending field.
/// </summary>
internal readonly struct RowCheck<TRow>(CsvTableReader<TRow> reader, int line, List<ImportIssue> errors)
    where TRow : class
{
    public void Fail(string column, string message) => errors.Add(reader.ErrorInCurrentRecord(line, column, message));

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
