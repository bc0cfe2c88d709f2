using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Mentoring.Matching.Api.Security;

/// <summary>Registers bearer authentication and the access policies. Nothing is open unless it says so.</summary>
internal static class SecurityExtensions
{
    public static IServiceCollection AddMentoringSecurity(this IServiceCollection services)
    {
        services.AddSingleton<CoordinatorKey>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuthorizationHandler, PairAccessRequirement>();
        services.AddAuthentication(Access.Scheme)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(Access.Scheme, null)
            .AddIdentityProviderJwt();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Access.CoordinatorPolicy, policy => policy.RequireRole(Access.CoordinatorRole))
            .AddPolicy(Access.ReportPolicy, policy => policy.RequireRole(Access.CoordinatorRole, Access.AnalystRole))
            .AddPolicy(Access.PairPolicy, policy => policy.AddRequirements(new PairAccessRequirement()));
        return services;
    }
}
