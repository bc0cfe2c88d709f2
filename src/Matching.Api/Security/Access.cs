namespace Mentoring.Matching.Api.Security;

/// <summary>The names the API's access rules use.</summary>
internal static class Access
{
    /// <summary>The authentication scheme: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string Scheme = "Bearer";

    /// <summary>The scheme that validates identity-provider JWTs; the bearer handler calls it for tokens of a JWT's shape.</summary>
    public const string JwtScheme = "IdentityProviderJwt";

    /// <summary>Policy: the coordinator, who can do everything.</summary>
    public const string CoordinatorPolicy = "Coordinator";

    /// <summary>Policy: the coordinator, or the logger of the pair named by the route's <c>pairId</c>.</summary>
    public const string PairPolicy = "PairLogger";

    /// <summary>Policy: the coordinator or an analyst; anonymised reports only.</summary>
    public const string ReportPolicy = "ReportReader";

    /// <summary>The coordinator's role.</summary>
    public const string CoordinatorRole = "coordinator";

    /// <summary>An analyst's role: reads the anonymised reports, nothing with personal data.</summary>
    public const string AnalystRole = "analyst";

    /// <summary>A pair logger's role.</summary>
    public const string PairLoggerRole = "pair-logger";

    /// <summary>The claim carrying the pair a logging credential belongs to.</summary>
    public const string PairClaim = "pair_id";

    /// <summary>The claim naming who acts, as the audit trail records it: <c>coordinator</c> or <c>staff-key:&lt;id&gt;</c>.</summary>
    public const string ActorClaim = "actor";

    /// <summary>The actor of the bootstrap coordinator key.</summary>
    public const string BootstrapActor = "coordinator";
}
