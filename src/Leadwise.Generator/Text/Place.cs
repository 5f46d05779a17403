namespace Leadwise.Generator.Text;

/// <summary>A country with its cities, the email top-level domain used there, and its share of the language's leads.</summary>
internal sealed record Place(string Country, string[] Cities, string TopLevelDomain, double Weight);
