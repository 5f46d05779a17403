using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Leadwise.Server.Dashboard;
using Leadwise.Server.Endpoints;
using Leadwise.Server.Jobs;
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

    /// <summary>The configuration key of a PostgreSQL streaming replica that read-only requests read from (docs/scaling.md); reads go to the primary when unset.</summary>
    public const string ReadDatabaseSetting = "Leadwise:ReadDatabase";

    /// <summary>The configuration key that lets reads through without an API key (writes always need one); see docs/server.md.</summary>
    public const string OpenReadsSetting = LeadwiseSecurity.OpenReadsSetting;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // Resolved from the built configuration, not the builder's: hosts (and tests) may add settings up to Build().
        builder.Services.AddSingleton<ILeadwiseStore>(services => OpenStore(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(services => ReadStoreOpener.Open(services.GetRequiredService<IConfiguration>()[ReadDatabaseSetting], services.GetRequiredService<ILeadwiseStore>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ScoringEngine(RulesLoader.LoadDefault()));
        builder.Services.AddOptions<ModelRecheckOptions>().BindConfiguration(ModelRecheckOptions.Section)
            .Validate(options => options.IsValid, "Leadwise:ModelRecheckSeconds must be more than 0 and at most 3600.").ValidateOnStart();
        builder.Services.AddSingleton<PromotedModel>();
        builder.Services.AddSingleton<PromotedRecommender>();
        builder.Services.AddHostedService<ModelPromotionListener>(); // PostgreSQL: NOTIFY triggers the reload at once
        builder.Services.AddSingleton<CachedLeadFacts>();
        builder.Services.AddSingleton<ModelPageCache>();
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section)
            .Validate(options => options.MaxImportBytes > 0, $"{JobOptions.MaxImportBytesSetting} must be a positive number of bytes.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.NodeId), "Leadwise:NodeId must not be empty.").ValidateOnStart();
        builder.Services.AddOptions<JobRunnerOptions>().BindConfiguration(JobRunnerOptions.Section)
            .Validate(options => options.IsValid, "Leadwise:Jobs:PollSeconds must be 1 to 3600, Leadwise:Jobs:LeaseSeconds 5 to 86400 and Leadwise:Jobs:MaxAttempts 1 to 100.").ValidateOnStart();
        builder.Services.AddSingleton<JobWakeUp>();
        builder.Services.AddSingleton<LiveJobProgress>();
        builder.Services.AddSingleton<IJobHandler, ImportJobHandler>();
        builder.Services.AddSingleton<IJobHandler, ScoreJobHandler>();
        builder.Services.AddSingleton<IJobHandler, TrainJobHandler>();
        builder.Services.AddHostedService<JobRunner>();
        builder.Services.AddProblemDetails();
        // Bad request bodies (malformed JSON) are the client's error in every environment, never a 500.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        // The document names the two ways to present an API key (`leadwise apikey create`), so generated clients send one.
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Leadwise API";
            document.Info.Description = "Lead scores with their reasons, the message to send at each outreach step, engagement events and models. The dashboard is at `/`, this reference at `/docs`.";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey,
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "A key from `leadwise apikey create`. Writes always need one; reads unless the server opens them. /recommend and /health/* need none.",
            };
            document.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same key as `Authorization: Bearer <key>`.",
            };
            return Task.CompletedTask;
        }));
        builder.AddLeadwiseSecurity();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<ILeadwiseStore>(); // fail at start, not at the first request
        _ = app.Services.GetRequiredService<ReadStore>(); // the replica too: a bad --read-db stops the start
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLeadwiseSecurity();
        app.MapOpenApi().ServesAccountKeys(); // the document describes the API, no account's data
        ApiDocsEndpoints.Map(app);
        HealthEndpoints.Map(app);
        RecommendEndpoints.Map(app);
        LeadEndpoints.Map(app);
        LeadListEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        EventEndpoints.Map(app);
        ModelEndpoints.Map(app);
        CampaignEndpoints.Map(app);
        ImportEndpoints.Map(app);
        JobEndpoints.Map(app);
        return app;
    }

    private static ILeadwiseStore OpenStore(IConfiguration configuration)
    {
        var location = StoreLocation.Resolve(configuration[DatabaseSetting], Environment.GetEnvironmentVariable);

        // Opening applies migrations once, at start-up, before any request is served.
        return StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None).GetAwaiter().GetResult();
    }
}
