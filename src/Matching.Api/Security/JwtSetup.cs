using System.Security.Claims;
using Mentoring.Matching.Api.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Mentoring.Matching.Api.Security;

/// <summary>
/// Identity-provider JWTs (<see cref="JwtSettings"/>): validated by ASP.NET Core's JWT bearer handler, read by
/// <see cref="BearerAuthenticationHandler"/>, which alone answers, counts failures and maps the role.
/// </summary>
internal static class JwtSetup
{
    /// <summary>The roles a token may carry; any other leaves it without access.</summary>
    private static readonly string[] Roles = [Access.CoordinatorRole, Access.AnalystRole];

    public static AuthenticationBuilder AddIdentityProviderJwt(this AuthenticationBuilder builder)
    {
        builder.AddJwtBearer(Access.JwtScheme);
        builder.Services.AddOptions<JwtBearerOptions>(Access.JwtScheme)
            .Configure<IOptions<MentoringSettings>, TimeProvider>((options, settings, time) =>
            {
                var jwt = settings.Value.Jwt;
                options.MapInboundClaims = false;
                options.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKey)),
                    RoleClaimType = jwt.RoleClaim,
                    NameClaimType = "sub",

                    // The injected clock, so expiry is tested (and judged) by the same time as everything else.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return expires is { } end && now < end + parameters.ClockSkew && (notBefore is not { } start || now >= start - parameters.ClockSkew);
                    },
                };

                // The bearer handler writes every answer; this scheme only validates.
                options.Events = new JwtBearerEvents { OnChallenge = context => { context.HandleResponse(); return Task.CompletedTask; } };
            });
        return builder;
    }

    /// <summary>Whether the token has a JWT's shape (three base64url parts), so other tokens never reach the JWT handler.</summary>
    public static bool HasJwtShape(string token) => token.Count(c => c == '.') == 2;

    /// <summary>The role and audit actor of a validated token, or null when it carries no role of this API.</summary>
    public static (string Role, string Actor)? Identity(ClaimsPrincipal principal, JwtSettings jwt) =>
        principal.FindAll(jwt.RoleClaim).Select(c => c.Value).FirstOrDefault(Roles.Contains) is { } role
            ? (role, "jwt:" + (principal.FindFirstValue("sub") ?? "unknown"))
            : null;
}
