using System.Security.Claims;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Staff;
using Microsoft.AspNetCore.Authentication;

namespace Mentoring.Matching.Api.Web;

/// <summary>The web app's sessions: names, and signing in and out.</summary>
internal static class WebAccess
{
    public const string CoordinatorScheme = "CoordinatorCookie";

    public const string PairScheme = "PairCookie";

    public const string CoordinatorPolicy = "WebCoordinator";

    public const string PairPolicy = "WebPair";

    /// <summary>The report pages (and signing out): a coordinator, or an analyst signed in with a staff key.</summary>
    public const string ReportPolicy = "WebReports";

    /// <summary>The hash of the key or credential a session was opened with, so changing it ends the session.</summary>
    public const string KeyClaim = "key_sha256";

    public static Task SignInCoordinatorAsync(HttpContext http, string keyHash) =>
        http.SignInAsync(CoordinatorScheme, Principal(
            CoordinatorScheme,
            new Claim(ClaimTypes.Role, Access.CoordinatorRole),
            new Claim(Access.ActorClaim, Access.BootstrapActor),
            new Claim(KeyClaim, keyHash)));

    /// <summary>A staff key's session: the same cookie as the coordinator's, with the key's role and audit actor.</summary>
    public static Task SignInStaffAsync(HttpContext http, StaffIdentity staff, string keyHash) =>
        http.SignInAsync(CoordinatorScheme, Principal(
            CoordinatorScheme,
            new Claim(ClaimTypes.Role, staff.Role),
            new Claim(Access.ActorClaim, staff.Actor),
            new Claim(KeyClaim, keyHash)));

    public static Task SignInPairAsync(HttpContext http, long pairId, string credentialHash) =>
        http.SignInAsync(PairScheme, Principal(
            PairScheme,
            new Claim(ClaimTypes.Role, Access.PairLoggerRole),
            new Claim(Access.PairClaim, PairLink.ClaimValue(pairId)),
            new Claim(KeyClaim, credentialHash)));

    /// <summary>The pair a pair session belongs to.</summary>
    public static long PairId(ClaimsPrincipal user) => long.Parse(user.FindFirstValue(Access.PairClaim)!, System.Globalization.CultureInfo.InvariantCulture);

    private static ClaimsPrincipal Principal(string scheme, params Claim[] claims) => new(new ClaimsIdentity(claims, scheme));
}
