namespace Leadwise.Scoring.Signals;

/// <summary>Classifies a job title by seniority.</summary>
public static class TitleSeniority
{
    /// <summary>Returns the seniority a job title signals.</summary>
    public static Seniority Classify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Seniority.Unknown;
        }

        var t = title.Trim();
        if (Has(t, "CEO") || Has(t, "Founder") || Has(t, "Geschäftsführer") || Has(t, "Owner"))
        {
            return Seniority.Executive;
        }

        if (Has(t, "Director") || Has(t, "Head of") || Has(t, "VP"))
        {
            return Seniority.Director;
        }

        if (Has(t, "Manager") || Has(t, "Lead"))
        {
            return Seniority.Manager;
        }

        if (Has(t, "Senior"))
        {
            return Seniority.Senior;
        }

        if (Has(t, "Student") || Has(t, "Intern"))
        {
            return Seniority.Student;
        }

        return Seniority.Individual;
    }

    private static bool Has(string title, string word) => title.Contains(word, StringComparison.OrdinalIgnoreCase);
}
