using Leadwise.Core.Companies;

namespace Leadwise.Core.Tests.Companies;

public sealed class CompanyNameKeyTests
{
    [Theory]
    [InlineData("Acme", "acme")]
    [InlineData("  ACME   GmbH ", "acme")]
    [InlineData("Acme GmbH & Co. KG", "acme")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("Acme Ltd", "acme")]
    [InlineData("Beispiel UG (haftungsbeschränkt)", "beispiel")]
    [InlineData("Müller & Söhne, KG", "müller & söhne")]
    [InlineData("acme.io", "acme.io")]
    [InlineData("Deutsche Bank AG", "deutsche bank")]
    [InlineData("AG", "ag")]
    [InlineData("GmbH & Co. KG", "gmbh & co. kg")]
    public void Loose_StripsCaseSpacingAndTrailingLegalForms(string name, string key) =>
        Assert.Equal(key, CompanyNameKey.Loose(name));

    [Theory]
    [InlineData("  ACME   GmbH ", "acme gmbh")]
    [InlineData("Hansa Logistik SE", "hansa logistik se")]
    [InlineData("Müller & Söhne, KG", "müller & söhne, kg")]
    public void Of_KeepsTheLegalForm_SoDistinctEntitiesStayDistinct(string name, string key) =>
        Assert.Equal(key, CompanyNameKey.Of(name));
}
