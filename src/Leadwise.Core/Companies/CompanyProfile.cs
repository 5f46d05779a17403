namespace Leadwise.Core.Companies;

/// <summary>
/// What is known about a company (firmographics), from the optional companies file. Leads are joined
/// to it by company name or by their email's domain.
/// </summary>
public sealed record CompanyProfile
{
    public required string Name { get; init; }

    /// <summary>The company's email/web domain, e.g. <c>acme.de</c>, lower case.</summary>
    public string? Domain { get; init; }

    public string? Industry { get; init; }

    public int? Employees { get; init; }

    /// <summary>Whom the company sells to, e.g. <c>B2B</c>, <c>B2C</c>, <c>Enterprise</c>.</summary>
    public string? TargetMarket { get; init; }

    public string? Country { get; init; }
}
