using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Leadwise.Server.Dashboard;
using Leadwise.Server.Endpoints;
using Leadwise.Server.Security;

namespace Leadwise.Server;

/// <summary>
/// Builds the web host: one store shared by all requests (the SQLite store pools connections per
/// operation), the point-scoring engine, the promoted conversion model (reloaded when a newer version is
/// promoted), problem details for every error, and the endpoints.
/// </summary>
public static class LeadwiseServer
{
    /// <summary>The configuration key of the store location (a SQLite path or a PostgreSQL connection string); <c>LEADWISE_DB</c> and <c>leadwise.db</c> otherwise.</summary>
    public const string DatabaseSetting = "Leadwise:Database";

    /// <summary>The configuration key that lets reads through without an API key (writes always need one); see docs/server.md.</summary>
    public const string OpenReadsSetting = LeadwiseSecurity.OpenReadsSetting;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // Resolved from the built configuration, not the builder's: hosts (and tests) may add settings up to Build().
        builder.Services.AddSingleton<ILeadwiseStore>(services => OpenStore(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ScoringEngine(RulesLoader.LoadDefault()));
        builder.Services.AddOptions<ModelRecheckOptions>().BindConfiguration(ModelRecheckOptions.Section)
            .Validate(options => options.IsValid, "Leadwise:ModelRecheckSeconds must be more than 0 and at most 3600.").ValidateOnStart();
        builder.Services.AddSingleton<PromotedModel>();
        builder.Services.AddSingleton<PromotedRecommender>();
        builder.Services.AddSingleton<CachedLeadFacts>();
        builder.Services.AddProblemDetails();
        // Bad request bodies (malformed JSON) are the client's error in every environment, never a 500.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddOpenApi();
        builder.AddLeadwiseSecurity();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<ILeadwiseStore>(); // fail at start, not at the first request
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLeadwiseSecurity();
        app.MapOpenApi();
        HealthEndpoints.Map(app);
        RecommendEndpoints.Map(app);
        LeadEndpoints.Map(app);
        LeadListEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        EventEndpoints.Map(app);
        ModelEndpoints.Map(app);
        CampaignEndpoints.Map(app);
        return app;
    }

    private static ILeadwiseStore OpenStore(IConfiguration configuration)
    {
        var location = StoreLocation.Resolve(configuration[DatabaseSetting], Environment.GetEnvironmentVariable);

        // Opening applies migrations once, at start-up, before any request is served.
        return StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None).GetAwaiter().GetResult();
    }
}
