namespace Leadwise.Cli;

/// <summary>The CLI's exit codes: scripts can tell bad data from a mistyped command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input (files, data, ids) was wrong; nothing half-done was left behind.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;
}
