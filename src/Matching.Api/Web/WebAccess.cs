using System.Security.Claims;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Authentication;

namespace Mentoring.Matching.Api.Web;

/// <summary>The web app's sessions: names, and signing in and out.</summary>
internal static class WebAccess
{
    public const string CoordinatorScheme = "CoordinatorCookie";

    public const string PairScheme = "PairCookie";

    public const string CoordinatorPolicy = "WebCoordinator";

    public const string PairPolicy = "WebPair";

    /// <summary>The hash of the key or credential a session was opened with, so changing it ends the session.</summary>
    public const string KeyClaim = "key_sha256";

    public static Task SignInCoordinatorAsync(HttpContext http, string keyHash) =>
        http.SignInAsync(CoordinatorScheme, Principal(CoordinatorScheme, new Claim(ClaimTypes.Role, Access.CoordinatorRole), new Claim(KeyClaim, keyHash)));

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
