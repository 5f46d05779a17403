using Leadwise.Server;

var app = LeadwiseServer.Build(args);
await app.RunAsync();

/// <summary>The entry point, public so integration tests can host it (WebApplicationFactory).</summary>
public partial class Program;
