using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Leadwise.Testing.Postgres;

/// <summary>
/// A PostgreSQL server of its own for a test run, from the Debian packages' binaries (no Docker): initdb
/// into a temporary folder, pg_ctl start on a free loopback port with its unix socket in that folder,
/// trust authentication for one superuser, durability off (nothing here outlives the run). Disposing
/// stops it and deletes the folder. PostgreSQL refuses to run as root, so as root initdb and the server
/// run as the <c>postgres</c> system user the Debian package creates (through <c>runuser</c>).
/// </summary>
public sealed class ThrowawayPostgresServer : IAsyncDisposable
{
    private const string SuperUser = "leadwise";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binaries;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private int _databases;

    private ThrowawayPostgresServer(string binaries, string folder, bool asPostgresUser, int port)
    {
        _binaries = binaries;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Where the binaries were found, e.g. <c>/usr/lib/postgresql/15/bin</c>.</summary>
    public string Binaries => _binaries;

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> holding initdb and pg_ctl, or null when none is installed.</summary>
    public static string? FindBinaries(string root = "/usr/lib/postgresql")
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1, Bin: Path.Combine(version, "bin")))
            .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "initdb")) && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    public static Task<ThrowawayPostgresServer> StartAsync(string binaries, CancellationToken cancellationToken) =>
        StartAsync(binaries, forReplication: false, cancellationToken);

    /// <summary>
    /// Starts a server; <paramref name="forReplication"/> makes it a primary a standby can stream from: WAL for
    /// replicas, WAL senders, and a <c>replication</c> line for loopback in pg_hba.conf (<see cref="StartStandbyAsync"/>).
    /// </summary>
    public static async Task<ThrowawayPostgresServer> StartAsync(string binaries, bool forReplication, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(binaries);
        var server = await CreateFolderAsync(binaries, cancellationToken).ConfigureAwait(false);
        try
        {
            await server.RunToolAsync("initdb",
                ["-D", server.DataFolder, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                cancellationToken).ConfigureAwait(false);
            if (forReplication)
            {
                await File.AppendAllTextAsync(Path.Combine(server.DataFolder, "pg_hba.conf"), $"\nhost replication {SuperUser} 127.0.0.1/32 trust\n", cancellationToken).ConfigureAwait(false);
            }

            await server.StartServerAsync(forReplication ? " -c wal_level=replica -c max_wal_senders=5" : string.Empty, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A hot standby of this server (started <c>forReplication</c>): <c>pg_basebackup -R</c> over loopback into a folder
    /// of its own, then the standby started on another free port; it returns once the standby accepts read-only
    /// connections. It streams every database of this server, so a store location here reads there on <see cref="Port"/>.
    /// </summary>
    public async Task<ThrowawayPostgresServer> StartStandbyAsync(CancellationToken cancellationToken)
    {
        var standby = await CreateFolderAsync(_binaries, cancellationToken).ConfigureAwait(false);
        try
        {
            await standby.RunToolAsync("pg_basebackup",
                ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, "-D", standby.DataFolder, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
                cancellationToken).ConfigureAwait(false);
            await standby.StartServerAsync(string.Empty, cancellationToken).ConfigureAwait(false);
            await standby.WaitUntilReadOnlyAsync(cancellationToken).ConfigureAwait(false);
            return standby;
        }
        catch
        {
            await standby.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one SQL statement on a database of this server and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static async Task<ThrowawayPostgresServer> CreateFolderAsync(string binaries, CancellationToken cancellationToken)
    {
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "leadwise-postgres-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new ThrowawayPostgresServer(binaries, folder, asPostgresUser, FreeLoopbackPort());
        if (asPostgresUser)
        {
            try
            {
                await RunAsync("chown", ["postgres:postgres", folder], cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return server;
    }

    private Task StartServerAsync(string extraOptions, CancellationToken cancellationToken)
    {
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200{extraOptions}");
        return RunToolAsync("pg_ctl",
            ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", options, "start"],
            cancellationToken);
    }

    /// <summary>pg_ctl -w returns when the postmaster says so; a standby's first query can still race its consistency point.</summary>
    private async Task WaitUntilReadOnlyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + CommandTimeout;
        while (true)
        {
            try
            {
                if (await ScalarAsync("postgres", "SELECT pg_is_in_recovery()", cancellationToken).ConfigureAwait(false) is true)
                {
                    return;
                }

                throw new InvalidOperationException("The standby started as a primary: pg_basebackup -R wrote no standby.signal.");
            }
            catch (PostgresException exception) when (exception.SqlState == "57P03" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false); // the database system is starting up
            }
        }
    }

    /// <summary>The connection string of a database on this server (Npgsql's form), optionally with a search path.</summary>
    public string ConnectionString(string database, string? searchPath = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        SearchPath = searchPath,
        Pooling = true,
    }.ConnectionString;

    /// <summary>Creates a new, empty database (about 0.2 s: a copy of template0) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = NextName(prefix);
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\" TEMPLATE template0", cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>
    /// Creates a new, empty schema in <paramref name="database"/> and returns a connection string whose search
    /// path is that schema alone: a store of its own in a millisecond, where a database takes 0.2 s.
    /// </summary>
    public async Task<string> CreateSchemaAsync(string database, string prefix, CancellationToken cancellationToken)
    {
        var name = NextName(prefix);
        await ExecuteAsync(database, $"CREATE SCHEMA \"{name}\"", cancellationToken).ConfigureAwait(false);
        return ConnectionString(database, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder goes either way.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string NextName(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _databases)}").ToLowerInvariant();

    private async Task ExecuteAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binaries, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // pg_ctl -l sends the server's own output to the log file, so reading the tool's output to its end returns.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
