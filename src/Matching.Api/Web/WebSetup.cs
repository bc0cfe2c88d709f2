using System.Security.Claims;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Staff;
using Mentoring.Matching.Api.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Mentoring.Matching.Api.Web;

/// <summary>
/// The coordinator's web app and each pair's page: Razor Pages under <c>/app</c>, served by the API's process and
/// calling the API's own endpoint handlers. Two cookie sessions, neither accepted by the API (which stays bearer-only,
/// so no cookie can ever make a cross-site request to it count).
/// </summary>
internal static class WebSetup
{
    /// <summary>How long a session lasts without a request; each request renews it.</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Where every page of the web app lives.</summary>
    private const string WebRoot = "/app";

    /// <summary>The error page, given the status code.</summary>
    private const string ErrorPagePath = WebRoot + "/error/{0}";

    public static IServiceCollection AddMentoringWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web";
            options.Conventions.Add(new WebAccessConvention());
        });
        services.AddAuthentication()
            .AddCookie(WebAccess.CoordinatorScheme, options =>
            {
                Configure(options, "mentoring.coordinator", "/app/sign-in");
                options.Events.OnValidatePrincipal = ValidateCoordinatorAsync;
                // A signed-in analyst opening a coordinator's page is refused where they are (the app's 403 page),
                // not sent to sign in again with a key they already used.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddCookie(WebAccess.PairScheme, options =>
            {
                Configure(options, "mentoring.pair", PairLink.PagePath);
                options.Events.OnValidatePrincipal = ValidatePairAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(WebAccess.CoordinatorPolicy, policy => policy
                .AddAuthenticationSchemes(WebAccess.CoordinatorScheme)
                .RequireRole(Access.CoordinatorRole))
            .AddPolicy(WebAccess.ReportPolicy, policy => policy
                .AddAuthenticationSchemes(WebAccess.CoordinatorScheme)
                .RequireRole(Access.CoordinatorRole, Access.AnalystRole))
            .AddPolicy(WebAccess.PairPolicy, policy => policy
                .AddAuthenticationSchemes(WebAccess.PairScheme)
                .RequireRole(Access.PairLoggerRole)
                .RequireClaim(Access.PairClaim));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "mentoring.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>The web app's static files, served before access checks (they hold nothing private).</summary>
    public static IApplicationBuilder UseMentoringWebAssets(this IApplicationBuilder app) => app.UseStaticFiles();

    /// <summary>
    /// A web page that ends in an error without a body (a missing cohort, a refused form, an unknown address under
    /// <c>/app</c>) shows the app's error page; the API's routes keep answering problem details.
    /// Goes after the API's status-code pages, so it answers web requests first, and before routing, which routes the
    /// re-executed request to the error page.
    /// </summary>
    public static IApplicationBuilder UseMentoringWebErrorPages(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(WebRoot, StringComparison.Ordinal),
            web => web.UseStatusCodePagesWithReExecute(ErrorPagePath));

    public static IEndpointRouteBuilder MapMentoringWeb(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();

        // Any other address under the app is a page that does not exist, not a request for the API's sign-in.
        app.MapFallback(WebRoot + "/{**path}", () => TypedResults.NotFound()).AllowAnonymous();
        return app;
    }

    private static void Configure(CookieAuthenticationOptions options, string name, string signInPath)
    {
        options.Cookie.Name = name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = signInPath;
        options.AccessDeniedPath = signInPath;
        options.ReturnUrlParameter = "returnUrl";
    }

    /// <summary>A coordinator session ends when the coordinator key changes; a staff key's session when the key is revoked.</summary>
    private static async Task ValidateCoordinatorAsync(CookieValidatePrincipalContext context)
    {
        var key = context.HttpContext.RequestServices.GetRequiredService<CoordinatorKey>();
        var staffKeys = context.HttpContext.RequestServices.GetRequiredService<StaffKeyStore>();
        if (context.Principal?.FindFirstValue(WebAccess.KeyClaim) is not { } hash
            || (!Credentials.SameHash(hash, key.Hash)
                && (await staffKeys.FindLiveAsync(hash, context.HttpContext.RequestAborted) is not { } staff || !context.Principal.IsInRole(staff.Role))))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebAccess.CoordinatorScheme);
        }
    }

    /// <summary>A pair session ends when its credential is reissued or the pair ends.</summary>
    private static async Task ValidatePairAsync(CookieValidatePrincipalContext context)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<Db>();
        if (context.Principal?.FindFirstValue(Access.PairClaim) is not { } pair || !long.TryParse(pair, out var pairId)
            || context.Principal.FindFirstValue(WebAccess.KeyClaim) is not { } hash
            || !await PairLink.HoldsAsync(db, pairId, hash, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebAccess.PairScheme);
        }
    }

    /// <summary>
    /// Nothing is open unless it says so: pair pages need a pair session, the two sign-in pages and the error page
    /// nothing, the report pages, the front door and sign-out (so its antiforgery token matches the signed-in user) a
    /// coordinator's or an analyst's session, every other page the coordinator's.
    /// </summary>
    private sealed class WebAccessConvention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            var path = model.ViewEnginePath;
            if (path.StartsWith("/Pair/Enter", StringComparison.Ordinal) || path is "/Account/SignIn" or "/ErrorPages/Status")
            {
                model.EndpointMetadata.Add(new AllowAnonymousAttribute());
            }
            else if (path is "/Index" or "/Account/SignOut" || path.StartsWith("/Reports/", StringComparison.Ordinal))
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(WebAccess.ReportPolicy));
            }
            else if (path.StartsWith("/Pair/", StringComparison.Ordinal))
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(WebAccess.PairPolicy));
            }
            else
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(WebAccess.CoordinatorPolicy));
            }
        }
    }
}
