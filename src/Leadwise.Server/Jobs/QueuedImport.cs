using Leadwise.Data.Import;

namespace Leadwise.Server.Jobs;

/// <summary>An accepted upload waiting for this node's import runner: the job's id, the private folder its files were saved to, the options.</summary>
internal sealed record QueuedImport(string JobId, string Folder, ImportOptions Options);
