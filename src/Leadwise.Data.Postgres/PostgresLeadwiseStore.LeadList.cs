using System.Data;
using Leadwise.Data.Storage.LeadList;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>The ranked lead list (SQL in <see cref="LeadListSql"/>, shared with SQLite).</summary>
public sealed partial class PostgresLeadwiseStore
{
    public async Task<LeadListPage> ReadLeadListAsync(LeadListQuery query, CancellationToken cancellationToken)
    {
        var sql = LeadListSql.ForPostgres(query);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Repeatable read: the count and the page see the same snapshot even while an import commits.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        long total;
        await using (var count = new NpgsqlCommand(sql.CountSql, connection, transaction))
        {
            foreach (var (name, value) in sql.Parameters.SkipLast(2))
            {
                count.Parameters.AddWithValue(name, value);
            }

            total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var leads = new List<LeadListItem>(query.Limit);
        await using (var page = new NpgsqlCommand(sql.PageSql, connection, transaction))
        {
            foreach (var (name, value) in sql.Parameters)
            {
                page.Parameters.AddWithValue(name, value);
            }

            await using var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                leads.Add(LeadListSql.ReadRow(reader, i => PostgresFieldSource.ReadTimestamp(reader, i)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LeadListPage(leads, total, query.Offset, query.Limit);
    }
}
