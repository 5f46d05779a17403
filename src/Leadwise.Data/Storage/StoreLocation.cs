namespace Leadwise.Data.Storage;

/// <summary>
/// Which store to open: <c>--db</c>, else the <c>LEADWISE_DB</c> environment variable, else
/// <c>leadwise.db</c> in the working directory. A connection string (<c>Host=…</c>) means PostgreSQL.
/// </summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "LEADWISE_DB";

    public const string DefaultFile = "leadwise.db";

    public static string Resolve(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        var fromEnvironment = environment(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultFile : fromEnvironment;
    }

    public static bool IsPostgres(string location) =>
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
