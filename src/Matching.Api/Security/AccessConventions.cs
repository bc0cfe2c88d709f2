using Mentoring.Matching.Api.Errors;

namespace Mentoring.Matching.Api.Security;

/// <summary>Guarding endpoints: one place says that a guarded endpoint answers 401, 403 and 429 as problem details.</summary>
internal static class AccessConventions
{
    /// <summary>
    /// Requires <paramref name="policy"/> and documents the 401 (no or unknown token), 403 (wrong role or pair) and
    /// 429 (too many failed authentications from the address, or the endpoint's own rate limit) answers.
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
}
