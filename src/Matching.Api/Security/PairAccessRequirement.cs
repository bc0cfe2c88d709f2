using System.Globalization;
using Microsoft.AspNetCore.Authorization;

namespace Mentoring.Matching.Api.Security;

/// <summary>Met by the coordinator, or by the logging credential of the pair the route's <c>pairId</c> names.</summary>
internal sealed class PairAccessRequirement : AuthorizationHandler<PairAccessRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PairAccessRequirement requirement)
    {
        if (context.User.IsInRole(Access.CoordinatorRole))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
                 && http.Request.RouteValues.TryGetValue("pairId", out var routePair)
                 && Convert.ToString(routePair, CultureInfo.InvariantCulture) is { } pairId
                 && context.User.HasClaim(Access.PairClaim, pairId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
