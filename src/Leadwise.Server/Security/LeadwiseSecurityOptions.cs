namespace Leadwise.Server.Security;

/// <summary>The server's access settings, bound from the <c>Leadwise</c> configuration section.</summary>
internal sealed class LeadwiseSecurityOptions
{
    public const string Section = "Leadwise";

    /// <summary>
    /// <c>Leadwise:OpenReads</c>: when true, reads (GET endpoints, <c>POST /api/score</c>, the dashboard) need no
    /// API key. Writes always need one; <c>/recommend</c> and <c>/health/*</c> are always open.
    /// </summary>
    public bool OpenReads { get; set; }

    /// <summary><c>Leadwise:MaxRequestBytes</c>: the largest request body accepted (1 MiB unless set); larger is a 413.</summary>
    public long MaxRequestBytes { get; set; } = 1L << 20;

    /// <summary><c>Leadwise:RateLimit:…</c>.</summary>
    public RateLimitSettings RateLimit { get; set; } = new();
}

/// <summary>How many requests a caller may make: per API key, or per remote address for requests without one.</summary>
internal sealed class RateLimitSettings
{
    /// <summary><c>Leadwise:RateLimit:PermitsPerMinute</c>: requests per key (or address) per one-minute window; 600 unless set.</summary>
    public int PermitsPerMinute { get; set; } = 600;
}
