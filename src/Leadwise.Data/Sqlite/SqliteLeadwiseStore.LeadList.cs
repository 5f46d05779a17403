using Leadwise.Data.Storage.LeadList;

namespace Leadwise.Data.Sqlite;

/// <summary>The ranked lead list (SQL in <see cref="LeadListSql"/>, shared with PostgreSQL).</summary>
public sealed partial class SqliteLeadwiseStore
{
    public async Task<LeadListPage> ReadLeadListAsync(LeadListQuery query, CancellationToken cancellationToken)
    {
        var sql = LeadListSql.ForSqlite(query);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One deferred (read) transaction, so the count and the page see the same snapshot even while an import
        // commits; the default, immediate, would take the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        long total;
        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = sql.CountSql;
            foreach (var (name, value) in sql.Parameters.SkipLast(2))
            {
                count.Parameters.AddWithValue(name, value);
            }

            total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var leads = new List<LeadListItem>(query.Limit);
        await using (var page = connection.CreateCommand())
        {
            page.Transaction = transaction;
            page.CommandText = sql.PageSql;
            foreach (var (name, value) in sql.Parameters)
            {
                page.Parameters.AddWithValue(name, value);
            }

            await using var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                leads.Add(LeadListSql.ReadRow(reader, i => StoreTimestamps.FromMicroseconds(reader.GetInt64(i))));
            }
        }

        return new LeadListPage(leads, total, query.Offset, query.Limit);
    }
}
