using System.Globalization;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>
/// Reads what <c>--db</c> or <c>LEADWISE_DB</c> gave for PostgreSQL: Npgsql's <c>Host=…;Database=…</c>
/// form, or a libpq URI <c>postgresql://user:password@host:port/database?sslmode=require</c>.
/// </summary>
public static class PostgresConnectionString
{
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        if (!trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(trimmed);
            }
            catch (ArgumentException exception)
            {
                // The message may quote the string, password and all: say only what is wrong with it.
                throw new ArgumentException("The PostgreSQL connection string is not valid (expected Host=…;Database=…;Username=…).", nameof(value), exception.InnerException);
            }
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("The PostgreSQL URI is not valid (expected postgresql://user:password@host:port/database).", nameof(value));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = setting;
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"The PostgreSQL URI has a setting Npgsql does not know: {key}", nameof(value), exception);
            }
        }

        return builder;
    }

    /// <summary><c>PostgreSQL host:port/database</c>: what a person may see; never the user or password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default)"}");
    }
}
