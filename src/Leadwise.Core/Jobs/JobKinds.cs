namespace Leadwise.Core.Jobs;

/// <summary>What a background job does.</summary>
public static class JobKinds
{
    /// <summary>Imports an uploaded five-table outreach export, as <c>leadwise import</c> does.</summary>
    public const string Import = "import";

    /// <summary>Rescores every lead with the point rules and the promoted conversion model, as <c>leadwise score</c> does.</summary>
    public const string Score = "score";

    /// <summary>Trains the conversion and sequence models on the store and registers them as new versions, as <c>leadwise train</c> does.</summary>
    public const string Train = "train";
}
