using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;

namespace Leadwise.Server;

/// <summary>
/// Turns <c>Leadwise:ReadDatabase</c> into the <see cref="ReadStore"/>: unset, reads go to the primary; set, it must be a
/// PostgreSQL connection string beside a PostgreSQL primary, and the replica must be at this build's schema version.
/// Every refusal names the setting, at start-up rather than at the first read.
/// </summary>
internal static class ReadStoreOpener
{
    public static ReadStore Open(string? location, ILeadwiseStore primary)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return ReadStore.OfPrimary(primary);
        }

        const string Setting = LeadwiseServer.ReadDatabaseSetting + " (--read-db)";
        if (!StoreLocation.IsPostgres(location))
        {
            throw new ArgumentException(
                $"{Setting} must be a PostgreSQL connection string (Host=…;Database=… or postgresql://…) of a streaming replica; \"{location}\" is a SQLite path, and a SQLite store has no replicas.");
        }

        if (primary is not PostgresLeadwiseStore)
        {
            throw new ArgumentException(
                $"{Setting} is a PostgreSQL replica, but the primary store ({LeadwiseServer.DatabaseSetting}, --db) is {primary.Description}: reads can only go to a replica of the primary's own PostgreSQL database.");
        }

        try
        {
            return ReadStore.OfReplica(StoreFactory.OpenReadReplicaAsync(location, CancellationToken.None).GetAwaiter().GetResult());
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"{Setting}: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new IOException($"{Setting}: {exception.Message}", exception);
        }
    }
}
