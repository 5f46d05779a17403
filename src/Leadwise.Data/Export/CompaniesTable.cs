using Leadwise.Core.Companies;
using static Leadwise.Data.Export.FieldKind;

namespace Leadwise.Data.Export;

/// <summary>companies.csv: one company profile (firmographics) per row; the domain is kept in lower case.</summary>
public sealed class CompaniesTable : ExportTable<CompanyProfile>
{
    public static readonly CompaniesTable Instance = new();

    private CompaniesTable()
        : base("companies.csv", "companies",
        [
            new ExportColumn("name", Text, Required: true),
            Column("domain", Text),
            Column("industry", Text),
            Column("employees", FieldKind.Int32),
            Column("targetMarket", Text),
            Column("country", Text),
        ])
    {
    }

    internal override UnknownColumnHandling UnknownColumns => UnknownColumnHandling.Ignore;

    internal override string? ExtraSqlColumn => null;

    internal override CompanyProfile Read(IFieldSource s) => new()
    {
        Name = s.Text()?.Trim() ?? string.Empty,
        Domain = s.Text()?.Trim().ToLowerInvariant(),
        Industry = s.Text(),
        Employees = s.Int32(),
        TargetMarket = s.Text(),
        Country = s.Text(),
    };

    internal override void Write(CompanyProfile row, IFieldSink s)
    {
        s.Text(row.Name);
        s.Text(row.Domain?.ToLowerInvariant());
        s.Text(row.Industry);
        s.Int32(row.Employees);
        s.Text(row.TargetMarket);
        s.Text(row.Country);
    }
}
