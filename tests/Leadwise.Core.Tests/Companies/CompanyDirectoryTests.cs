using Leadwise.Core.Companies;
using Leadwise.Core.Outreach;

namespace Leadwise.Core.Tests.Companies;

public sealed class CompanyDirectoryTests
{
    private static readonly CompanyProfile Acme = new() { Name = "ACME GmbH", Domain = "acme.de", Industry = "Software" };
    private static readonly CompanyProfile Globex = new() { Name = "Globex Corporation", Domain = "globex.com" };

    private static Lead LeadWith(string? company, string? email) => new()
    {
        Id = new LeadId(1),
        CampaignId = new CampaignId(2),
        CompanyName = company,
        Email = email,
    };

    [Theory]
    [InlineData("ACME GmbH")]
    [InlineData("acme gmbh")]
    [InlineData("  Acme   GmbH ")]
    [InlineData("Acme")]
    [InlineData("ACME AG")]
    public void Find_ByCompanyName_IgnoresCaseSpacingAndLegalForm(string companyName)
    {
        var directory = new CompanyDirectory([Acme, Globex]);

        Assert.Same(Acme, directory.Find(LeadWith(companyName, null)));
    }

    [Fact]
    public void Find_WhenTheNameIsUnknown_FallsBackToTheEmailDomain()
    {
        var directory = new CompanyDirectory([Acme, Globex]);

        Assert.Same(Globex, directory.Find(LeadWith("Globex Europe Sales", "j.doe@GLOBEX.com")));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Initech", "peter@initech.com")]
    [InlineData(null, "-")]
    [InlineData(null, "someone@")]
    public void Find_WhenNothingMatches_ReturnsNull(string? company, string? email)
    {
        var directory = new CompanyDirectory([Acme, Globex]);

        Assert.Null(directory.Find(LeadWith(company, email)));
    }

    [Fact]
    public void Find_PrefersTheExactLegalEntity_AndRefusesALooseNameSharedByTwoCompanies()
    {
        var gmbh = new CompanyProfile { Name = "Hansa Logistik GmbH", Domain = "hansalogistik.de", Employees = 40 };
        var se = new CompanyProfile { Name = "Hansa Logistik SE", Domain = "hansalogistik.de", Employees = 4000 };
        var directory = new CompanyDirectory([gmbh, se]);

        Assert.Same(se, directory.Find(LeadWith("hansa logistik se", null)));
        Assert.Same(gmbh, directory.Find(LeadWith("Hansa Logistik GmbH", null)));
        Assert.Null(directory.Find(LeadWith("Hansa Logistik", null)));            // which one? neither
        Assert.Null(directory.Find(LeadWith(null, "kim@hansalogistik.de")));      // shared domain: neither
    }
}
