using Leadwise.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// The opening the multi-node job tests share: a temporary folder for SQLite files and CLI comparison stores, and the
/// store location each backend's subclass creates (a new SQLite file, or a new database on the throwaway PostgreSQL).
/// </summary>
public abstract class JobNodeTestBase : IDisposable
{
    private protected TempDirectory Directory { get; } = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<string> CreateLocationAsync();

    private protected string NewSqliteLocation() => Directory.File($"server-{Guid.NewGuid():N}.db");
}
