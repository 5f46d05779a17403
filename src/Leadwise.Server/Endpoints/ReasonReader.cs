using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Server.Endpoints;

/// <summary>Where a lead view reads the names of the accounts its reasons mention, and which account the caller is bound to (null: every account).</summary>
internal sealed record ReasonReader(ILeadwiseStore Store, UserId? Account);
