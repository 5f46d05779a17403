namespace Leadwise.Generator.Truth;

/// <summary>A lead's latent industry, visible through words in its company name ("Software", "Logistik", "Bank", …).</summary>
public enum Industry
{
    Software = 0,
    Logistics = 1,
    Consulting = 2,
    Finance = 3,
    Manufacturing = 4,
    Healthcare = 5,
    Retail = 6,
}
