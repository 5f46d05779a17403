namespace Leadwise.Core.Jobs;

/// <summary>What a background job does.</summary>
public static class JobKinds
{
    /// <summary>Imports an uploaded five-table outreach export, as <c>leadwise import</c> does.</summary>
    public const string Import = "import";
}
