namespace Leadwise.Server.Security;

/// <summary>Marks endpoints as scoped by account (<see cref="ServesAccountKeys"/>).</summary>
internal static class AccountKeyEndpoints
{
    /// <summary>Lets keys bound to an account call the endpoint(s): they scope by <see cref="RequestAccount"/>.</summary>
    public static TBuilder ServesAccountKeys<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Security.ServesAccountKeys.Instance);
}
