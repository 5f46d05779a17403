using Xunit;

namespace Leadwise.Testing.Postgres;

/// <summary>
/// Where the PostgreSQL binaries are, and what a test does without them: skip, saying what to install, unless
/// <c>LEADWISE_REQUIRE_POSTGRES=1</c> (CI, scripts/test.sh) makes it a failure.
/// </summary>
public static class PostgresInstall
{
    public const string RequireVariable = "LEADWISE_REQUIRE_POSTGRES";

    /// <summary>Where to look for <c>N/bin/initdb</c>; the Debian packages' place unless overridden.</summary>
    public const string RootVariable = "LEADWISE_POSTGRES_ROOT";

    /// <summary>The binaries folder, or null with the reason the tests cannot run.</summary>
    public static (string? Binaries, string? Missing) Locate(params string[] alsoNeeded)
    {
        var root = Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured ? configured : "/usr/lib/postgresql";
        var binaries = ThrowawayPostgresServer.FindBinaries(root);
        if (binaries is null)
        {
            return (null, $"PostgreSQL tests need initdb and pg_ctl under {root}/<version>/bin (Debian: apt-get install postgresql-15, "
                + "or run scripts/test.sh, which installs it)");
        }

        var absent = alsoNeeded.Where(tool => !File.Exists(Path.Combine(binaries, tool))).ToList();
        return absent.Count == 0 ? (binaries, null) : (null, $"PostgreSQL tests need {string.Join(" and ", absent)} in {binaries} (Debian's postgresql-15 package has them)");
    }

    /// <summary>Skips the running test with <paramref name="missing"/>, or fails it under <c>LEADWISE_REQUIRE_POSTGRES=1</c>.</summary>
    public static void SkipOrFail(string missing)
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException($"{RequireVariable}=1 but PostgreSQL is not installed: {missing}.");
        }

        Skip.If(true, $"Skipped: {missing}.");
    }
}
