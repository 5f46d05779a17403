namespace Leadwise.Generator.Simulation;

/// <summary>The tracked website of an account (the sender of the outreach): its pages as absolute URLs, built once per account.</summary>
internal sealed class SiteUrls
{
    private static readonly string[] GeneralPaths = ["/", "/features", "/about", "/team", "/case-studies", "/blog/linkedin-outreach-tips", "/blog/b2b-lead-generation", "/blog/sales-automation", "/integrations", "/careers"];
    private static readonly string[] DownloadPaths = ["/downloads/whitepaper-outbound-2024.pdf", "/downloads/case-study.pdf", "/downloads/price-list.pdf", "/downloads/checklist-linkedin.pdf"];

    public SiteUrls(string domain)
    {
        var root = "https://" + domain;
        General = GeneralPaths.Select(path => root + path).ToArray();
        Downloads = DownloadPaths.Select(path => root + path).ToArray();
        Pricing = root + "/pricing";
        Demo = root + "/demo";
        Contact = root + "/contact";
        EmailLink = root + "/case-studies?utm_source=email";
        Newsletter = root + "/blog?utm_source=newsletter";
    }

    public IReadOnlyList<string> General { get; }

    public IReadOnlyList<string> Downloads { get; }

    public string Pricing { get; }

    public string Demo { get; }

    public string Contact { get; }

    public string EmailLink { get; }

    public string Newsletter { get; }

    /// <summary>The site of the account that owns a campaign: the domain of its user's email address.</summary>
    public static SiteUrls For(Core.Outreach.User user)
    {
        var email = user.Email ?? "team@example.com";
        return new SiteUrls(email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..]);
    }
}
