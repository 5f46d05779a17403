using Leadwise.Core.Outreach;

namespace Leadwise.Learning.Registry;

/// <summary>A promoted model with its registry version and the account it belongs to (null: install-wide).</summary>
public sealed record ServedModel<TModel>(int Version, TModel Model, UserId? Account)
    where TModel : class;
