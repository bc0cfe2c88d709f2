using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Mentoring.Matching.Api.Security;

/// <summary>Met by the coordinator, or by the logging credential of the pair the route's <c>pairId</c> names.</summary>
internal sealed class PairAccessRequirement : AuthorizationHandler<PairAccessRequirement>, IAuthorizationRequirement
{
    /// <summary>Whether <paramref name="user"/> is the coordinator or holds the credential of the pair <paramref name="http"/>'s route names.</summary>
    public static bool Allows(ClaimsPrincipal user, HttpContext http) =>
        user.IsInRole(Access.CoordinatorRole)
        || (http.Request.RouteValues.TryGetValue("pairId", out var routePair)
            && Convert.ToString(routePair, CultureInfo.InvariantCulture) is { } pairId
            && user.HasClaim(Access.PairClaim, pairId));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PairAccessRequirement requirement)
    {
        if (context.User.IsInRole(Access.CoordinatorRole) || (context.Resource is HttpContext http && Allows(context.User, http)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
