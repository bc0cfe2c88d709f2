using System.Text.Json.Serialization;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Erasure;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Idempotency;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Participants;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Reports;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Sessions;
using Mentoring.Matching.Api.Staff;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Withdrawals;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api;

/// <summary>Wires the API's services: storage, stores, errors, OpenAPI, the clock.</summary>
internal static class ApiServices
{
    private const string DefaultDatabase = "mentoring.db";

    /// <summary>How long a run may prove optimality before it returns its best pairing as Feasible, in seconds.</summary>
    private const string RunTimeLimitKey = "Mentoring:RunTimeLimitSeconds";

    public static IServiceCollection AddMentoringApi(this IServiceCollection services)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddOptions<MentoringSettings>().BindConfiguration(MentoringSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MentoringSettings>, MentoringSettingsValidation>();

        // The server's make and version help only an attacker.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

        // Settings are read when first needed, so hosts (and tests) can configure them up to the last moment.
        services.AddSingleton(sp => new Db(ConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>())));
        services.AddSingleton<Migrator>();
        services.AddPersonalDataProtection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SchemeStore>();
        services.AddSingleton<CohortStore>();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<CurrentInputHashes>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<PairingStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ErasureStore>();
        services.AddSingleton<WithdrawalStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<StaffKeyStore>();
        services.AddSingleton(sp => new MatchingOptions
        {
            TimeLimit = TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue(RunTimeLimitKey, 120)),
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "There is no such resource; the endpoints are listed at /openapi/v1.json.",
                StatusCodes.Status405MethodNotAllowed => "This resource does not take this method; see /openapi/v1.json.",
                StatusCodes.Status415UnsupportedMediaType => "This endpoint does not take this Content-Type (JSON bodies need application/json; people uploads take text/csv or application/json).",
                _ => null,
            });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // As with policy.json, a misspelt field is an error rather than silently ignored.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddSchemaTransformer<PolicySchemaTransformer>();
            options.CreateSchemaReferenceId = type =>
                type.Type == typeof(System.Text.Json.JsonElement) ? "Policy" : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });
        return services;
    }

    /// <summary>Applies migrations, checks the key ring and seals legacy plaintext, and settles the coordinator key before the first request.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid, or the key ring is not this database's; the message names it.</exception>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<IOptions<MentoringSettings>>().Value;
        app.Services.GetRequiredService<Db>().SecureFile();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<KeyRingCheck>().VerifyAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<PlaintextSealing>().SealAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<CoordinatorKey>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>Whether to serve the OpenAPI document and its reference page: in Development, or when configured.</summary>
    public static bool PublishesApiReference(this WebApplication app) =>
        app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<MentoringSettings>>().Value.PublishApiReference;

    /// <summary>The configured connection string; by default a file next to the app's content, created on first run.</summary>
    private static string ConnectionString(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configuration[Db.ConfigurationKey] is { Length: > 0 } configured ? configured : $"Data Source={DefaultDatabase}");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
