namespace Leadwise.Core.Outreach;

/// <summary>A lead's gender as exports spell it (male, m, männlich, female, f, w, weiblich, any case), read as "male", "female" or "unknown".</summary>
public static class Genders
{
    public const string Male = "male";
    public const string Female = "female";
    public const string Unknown = "unknown";

    public static string Normalize(string? gender) => gender?.Trim().ToLowerInvariant() switch
    {
        "male" or "m" or "männlich" => Male,
        "female" or "f" or "w" or "weiblich" => Female,
        _ => Unknown,
    };
}
