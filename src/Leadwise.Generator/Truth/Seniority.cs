namespace Leadwise.Generator.Truth;

/// <summary>A lead's latent seniority, visible (noisily) through its title. The numeric value is the level used by the true model.</summary>
public enum Seniority
{
    Student = 0,
    Junior = 1,
    Manager = 2,
    Head = 3,
    Executive = 4,
}
