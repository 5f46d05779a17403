namespace Leadwise.Scoring.Signals;

/// <summary>How senior a job title reads, from <see cref="Unknown"/> (no signal) up to <see cref="Executive"/>.</summary>
public enum Seniority
{
    /// <summary>No title, a placeholder, or no recognised role word.</summary>
    Unknown,

    /// <summary>Students, working students, interns, trainees and apprentices.</summary>
    Student,

    /// <summary>Individual contributors: engineers, consultants, analysts, clerks, assistants.</summary>
    Individual,

    /// <summary>Senior, principal or staff individual contributors.</summary>
    Senior,

    /// <summary>Managers and team leads.</summary>
    Manager,

    /// <summary>Directors, vice presidents, heads of and German Leiter(in) roles.</summary>
    Director,

    /// <summary>C-level, founders, owners, partners, Geschäftsführung and Vorstand.</summary>
    Executive,
}
