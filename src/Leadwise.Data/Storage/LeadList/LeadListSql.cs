using System.Globalization;
using System.Text;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;

namespace Leadwise.Data.Storage.LeadList;

/// <summary>
/// The lead list's SQL, written once for both backends: they differ only in the case-insensitive match operator
/// and in how the subtotals JSON is read as text. Values are always parameters (<c>@p0</c>, <c>@p1</c>, …, a form
/// both Microsoft.Data.Sqlite and Npgsql bind by name); only fixed fragments are spliced into the text.
/// </summary>
internal sealed class LeadListSql
{
    private const string From = """
        FROM leads AS l
        LEFT JOIN lead_scores AS s ON s.lead_id = l.id
        LEFT JOIN lead_model_scores AS m ON m.lead_id = l.id
        """;

    private readonly List<string> _conditions = [];

    private LeadListSql(LeadListQuery query, string likeOperator, string subtotalsAsText)
    {
        var score = query.Basis == LeadListBasis.Points ? "s.total" : "COALESCE(m.score, s.total)";
        var grade = query.Basis == LeadListBasis.Points ? "s.grade" : "COALESCE(m.grade, s.grade)";
        if (query.Account is { } account)
        {
            // Through campaigns_by_user and leads_by_campaign: the account's campaigns first, then their leads.
            _conditions.Add($"l.campaign_id IN (SELECT a.id FROM campaigns AS a WHERE a.user_id = {Add(account.Value)})");
        }

        if (query.Campaign is { } campaign)
        {
            _conditions.Add($"l.campaign_id = {Add(campaign.Value)}");
        }

        if (query.Grades.Count > 0)
        {
            _conditions.Add($"{grade} IN ({string.Join(", ", query.Grades.Select(g => Add(g)))})");
        }

        if (query.MinScore is { } minScore)
        {
            _conditions.Add($"{score} >= {Add(minScore)}");
        }

        if (query.MaxScore is { } maxScore)
        {
            _conditions.Add($"{score} <= {Add(maxScore)}");
        }

        if (query.MinModelScore is { } minModel)
        {
            _conditions.Add($"m.score >= {Add(minModel)}");
        }

        if (query.MaxModelScore is { } maxModel)
        {
            _conditions.Add($"m.score <= {Add(maxModel)}");
        }

        foreach (var word in query.Words)
        {
            var pattern = Add("%" + EscapeLike(word) + "%");
            _conditions.Add("(" + string.Join(" OR ", new[] { "l.first_name", "l.last_name", "l.name", "l.company_name", "l.title" }
                .Select(column => $"{column} {likeOperator} {pattern} ESCAPE '\\'")) + ")");
        }

        var where = _conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", _conditions);
        var direction = query.Ascending ? "ASC" : "DESC";
        CountSql = $"SELECT count(*) {From} {where}";
        PageSql = $"""
            SELECT l.id, l.name, l.first_name, l.last_name, l.title, l.company_name, l.campaign_id, c.name,
                   s.total, s.grade, {subtotalsAsText}, s.as_of,
                   m.model_version, m.probability, m.score, m.grade, m.as_of
            {From}
            LEFT JOIN campaigns AS c ON c.id = l.campaign_id
            {where}
            ORDER BY {score} {direction} NULLS LAST, l.id
            LIMIT {Add(query.Limit)} OFFSET {Add(query.Offset)}
            """;
    }

    /// <summary>Counts the leads matching the filters; binds <see cref="Parameters"/> except the last two (limit and offset).</summary>
    public string CountSql { get; }

    /// <summary>Selects one page, in the order <see cref="ReadRow"/> reads its columns; binds every one of <see cref="Parameters"/>.</summary>
    public string PageSql { get; }

    /// <summary>The parameters by name, in the order they were added (the count uses all but the last two).</summary>
    public List<(string Name, object Value)> Parameters { get; } = [];

    /// <summary>SQLite: <c>LIKE</c> (ASCII case folding only); subtotals are already JSON text.</summary>
    public static LeadListSql ForSqlite(LeadListQuery query) => Create(query, "LIKE", "s.subtotals");

    /// <summary>PostgreSQL: <c>ILIKE</c>; subtotals are <c>jsonb</c>, read as text.</summary>
    public static LeadListSql ForPostgres(LeadListQuery query) => Create(query, "ILIKE", "s.subtotals::text");

    /// <summary>
    /// One row of <see cref="PageSql"/>; the backend supplies how it reads a nullable text and its timestamps
    /// (SQLite keeps microseconds, PostgreSQL <c>timestamptz</c>).
    /// </summary>
    public static LeadListItem ReadRow(System.Data.Common.DbDataReader reader, Func<int, DateTimeOffset> timestamp)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(timestamp);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var points = reader.IsDBNull(8) ? null : new LeadPoints(reader.GetDouble(8), reader.GetString(9), LeadScoreJson.ReadSubtotals(reader.GetString(10)), timestamp(11));
        var id = new LeadId(reader.GetInt64(0));
        var model = reader.IsDBNull(12) ? null : new ModelScore(id, reader.GetInt32(12), reader.GetDouble(13), reader.GetInt32(14), reader.GetString(15), timestamp(16));
        return new LeadListItem(id, Text(1), Text(2), Text(3), Text(4), Text(5), new CampaignId(reader.GetInt64(6)), Text(7), points, model);
    }

    private static LeadListSql Create(LeadListQuery query, string likeOperator, string subtotalsAsText)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return new LeadListSql(query, likeOperator, subtotalsAsText);
    }

    private string Add(object value)
    {
        var name = "@p" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
        Parameters.Add((name, value));
        return name;
    }

    /// <summary>Makes <c>%</c>, <c>_</c> and the escape character itself match literally.</summary>
    private static string EscapeLike(string word)
    {
        var escaped = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
