using System.Security.Claims;
using System.Text.Encodings.Web;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Staff;
using Mentoring.Matching.Api.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Security;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;token&gt;</c>: the coordinator key, a live staff key (with its role), or a pair's
/// logging credential; and, when <c>Mentoring:Jwt</c> is configured, a JWT from the identity provider with a role claim.
/// Answers a missing or unknown token with 401 and a token without the right with 403, both as problem details.
/// Every failure is counted against the client's address (<see cref="FailedAuthentications"/>) and logged with it;
/// only a token of a staff key's or a credential's exact shape costs a database query.
/// </summary>
internal sealed partial class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CoordinatorKey coordinatorKey,
    Db db,
    StaffKeyStore staffKeys,
    FailedAuthentications failures,
    IOptions<MentoringSettings> settings,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return await RefuseAsync("The Authorization header must be 'Bearer <token>'.");
        }

        var token = header[Prefix.Length..].Trim();
        if (Credentials.SameHash(Credentials.Hash(token), coordinatorKey.Hash))
        {
            return Success(new Claim(ClaimTypes.Role, Access.CoordinatorRole), new Claim(Access.ActorClaim, Access.BootstrapActor));
        }

        if (settings.Value.Jwt.Enabled && JwtSetup.HasJwtShape(token))
        {
            var validated = await Context.AuthenticateAsync(Access.JwtScheme);
            return validated.Succeeded && JwtSetup.Identity(validated.Principal, settings.Value.Jwt) is var (role, actor)
                ? Success(new Claim(ClaimTypes.Role, role), new Claim(Access.ActorClaim, actor))
                : await RefuseAsync(validated.Succeeded ? "The token carries no role of this API." : "The token is not a valid JWT from the identity provider.");
        }

        if (StaffKeys.HasShape(token))
        {
            return await staffKeys.FindLiveAsync(Credentials.Hash(token), Context.RequestAborted) is { } staff
                ? Success(new Claim(ClaimTypes.Role, staff.Role), new Claim(Access.ActorClaim, staff.Actor))
                : await RefuseAsync("The staff key is unknown or revoked.");
        }

        return Credentials.HasTokenShape(token) && await PairLink.FindPairAsync(db, token, Context.RequestAborted) is { } id
            ? Success(new Claim(ClaimTypes.Role, Access.PairLoggerRole), new Claim(Access.PairClaim, PairLink.ClaimValue(id)))
            : await RefuseAsync("The token is not a valid key or credential.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Access.Scheme;
        await WriteProblemAsync("Authentication required", "Send 'Authorization: Bearer <token>' with the coordinator key, a staff key or a pair's logging credential.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Forbidden", "This credential does not give access to this resource.");
    }

    /// <summary>Counts and logs the failure (never the token); the rate limiter refuses the address once it has too many.</summary>
    private async Task<AuthenticateResult> RefuseAsync(string reason)
    {
        var address = ClientAddress.Of(Context);
        await failures.RecordAsync(address);
        LogFailed(Logger, address, reason);
        return AuthenticateResult.Fail(reason);
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed bearer authentication from {Address}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string address, string reason);
}
