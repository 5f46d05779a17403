namespace Leadwise.Server;

/// <summary>
/// How often a node asks the model registry whether another version was promoted
/// (<c>Leadwise:ModelRecheckSeconds</c>, default 5). Several nodes on one PostgreSQL store each poll it,
/// so a promotion made through any node (or <c>leadwise models promote</c>) is served by all of them
/// within this interval; each check is one small query on the promotions table.
/// </summary>
public sealed class ModelRecheckOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Leadwise";

    /// <summary>Seconds a node keeps serving the version it read before asking the registry again; more than 0, at most an hour.</summary>
    public double ModelRecheckSeconds { get; set; } = 5;

    /// <summary><see cref="ModelRecheckSeconds"/> as a time span.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(ModelRecheckSeconds);

    /// <summary>Whether the interval is usable: a zero or negative one would hit the registry on every request.</summary>
    public bool IsValid => ModelRecheckSeconds is > 0 and <= 3600;
}
