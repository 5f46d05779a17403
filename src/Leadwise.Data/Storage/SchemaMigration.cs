namespace Leadwise.Data.Storage;

/// <summary>What bringing a store's schema up to date did: the version it was at and the version it is at now.</summary>
/// <param name="Store">The store's <see cref="ILeadwiseStore.Description"/> (never a password).</param>
/// <param name="VersionBefore">Schema steps applied before (0 for a new, empty store).</param>
/// <param name="VersionAfter">Schema steps applied now: the latest this build knows.</param>
public sealed record SchemaMigration(string Store, int VersionBefore, int VersionAfter)
{
    /// <summary>How many steps this run applied; 0 when the store was already up to date.</summary>
    public int StepsApplied => VersionAfter - VersionBefore;
}
