namespace Leadwise.Learning.Registry;

/// <summary>A registry request that cannot be met (unknown version, nothing to roll back); the message says why and what to do.</summary>
public sealed class ModelRegistryException(string message) : Exception(message);
