using Mentoring.Matching.Api.Errors;

namespace Mentoring.Matching.Api.Security;

/// <summary>Guarding endpoints: one place says that a guarded endpoint answers 401 and 403 as problem details.</summary>
internal static class AccessConventions
{
    /// <summary>Requires <paramref name="policy"/> and documents the 401 (no or unknown token) and 403 (wrong role or pair) answers.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
