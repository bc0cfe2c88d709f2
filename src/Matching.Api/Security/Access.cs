namespace Mentoring.Matching.Api.Security;

/// <summary>The names the API's access rules use.</summary>
internal static class Access
{
    /// <summary>The authentication scheme: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string Scheme = "Bearer";

    /// <summary>Policy: the coordinator, who can do everything.</summary>
    public const string CoordinatorPolicy = "Coordinator";

    /// <summary>Policy: the coordinator, or the logger of the pair named by the route's <c>pairId</c>.</summary>
    public const string PairPolicy = "PairLogger";

    /// <summary>The coordinator's role.</summary>
    public const string CoordinatorRole = "coordinator";

    /// <summary>A pair logger's role.</summary>
    public const string PairLoggerRole = "pair-logger";

    /// <summary>The claim carrying the pair a logging credential belongs to.</summary>
    public const string PairClaim = "pair_id";
}
