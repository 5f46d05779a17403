using Leadwise.Generator.Planning;

namespace Leadwise.Generator;

/// <summary>
/// Generates a realistic synthetic outreach export whose reply behaviour follows a known
/// <see cref="Truth.TrueReplyModel"/>. Accounts, campaigns and messages are planned up front; campaign
/// counters take one pass over the simulated leads; leads, snapshots and truth are then streamed lazily.
/// </summary>
public sealed class OutreachGenerator
{
    public GeneratedExport Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new GeneratedExport(PlanBuilder.Build(options));
    }
}
