namespace Leadwise.Scoring.Signals;

/// <summary>What one word of a job title contributes; see <see cref="TitleSeniority"/> for the table.</summary>
internal enum TitleWordKind : byte
{
    /// <summary>No signal.</summary>
    None,

    /// <summary>Student, intern, trainee, apprentice.</summary>
    Student,

    /// <summary>An individual contributor's role noun.</summary>
    Individual,

    /// <summary>Senior, principal, leitender.</summary>
    Senior,

    /// <summary>Manager-level words other than "manager" itself.</summary>
    Manager,

    /// <summary>Director-level words other than "director" itself.</summary>
    Director,

    /// <summary>C-level, founder, Geschäftsführer, Inhaber, Vorstand.</summary>
    Executive,

    /// <summary>Assistant, secretary, Referent(in): the title is a supporting role, whatever else it names.</summary>
    Support,

    /// <summary>"Chief": Executive when the title also says "officer", Director otherwise ("Chief of Staff").</summary>
    Chief,

    /// <summary>"Officer": Individual on its own, completes "Chief … Officer".</summary>
    Officer,

    /// <summary>"President": Executive, Director right after "vice".</summary>
    President,

    /// <summary>"Vice": turns a following "president" into Director.</summary>
    Vice,

    /// <summary>"Partner": Executive when it ends its clause or a preposition follows ("Partner at"), no signal before a noun ("Partner Manager").</summary>
    Partner,

    /// <summary>"Owner": Executive, Individual after product/process/… ("Product Owner").</summary>
    Owner,

    /// <summary>"Lead": Manager, no signal before generation/management/… ("Lead Generation").</summary>
    Lead,

    /// <summary>"Staff": Senior before engineer/software/… ("Staff Engineer"), no signal otherwise.</summary>
    Staff,

    /// <summary>"Director": Director, Executive right after "managing".</summary>
    DirectorWord,

    /// <summary>"Manager": Manager, Director right after "general".</summary>
    ManagerWord,

    /// <summary>"Managing": turns a following "director" into Executive.</summary>
    Managing,

    /// <summary>"General": turns a following "manager" into Director.</summary>
    General,

    /// <summary>of, for, für: a student or lead word right after it is what the role is about ("Head of Student Affairs").</summary>
    ObjectPreposition,

    /// <summary>at, bei, in, and, und: lets a preceding "partner" end its phrase ("Partner at KPMG").</summary>
    Preposition,
}
