namespace Leadwise.Server.Jobs;

/// <summary>Settings of the background jobs (section <c>Leadwise</c>): the upload limit and this node's name in job leases.</summary>
internal sealed class JobOptions
{
    public const string Section = "Leadwise";

    public const string MaxImportBytesSetting = "Leadwise:MaxImportBytes";

    /// <summary><c>Leadwise:MaxImportBytes</c>: the largest import upload accepted (1 GiB unless set); larger is a 413.</summary>
    public long MaxImportBytes { get; set; } = 1L << 30;

    /// <summary><c>Leadwise:NodeId</c>: this server's name in the leases of the jobs it runs; host name, process id and a random suffix unless set.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
