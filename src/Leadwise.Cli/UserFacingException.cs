namespace Leadwise.Cli;

/// <summary>A problem the user can fix; printed as one line, exit code 1, no stack trace.</summary>
public sealed class UserFacingException(string message) : Exception(message);
