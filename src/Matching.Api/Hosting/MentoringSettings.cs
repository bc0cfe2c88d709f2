namespace Mentoring.Matching.Api.Hosting;

/// <summary>
/// Every setting of the API, bound from the <c>Mentoring</c> section (appsettings.json, or environment
/// variables such as <c>Mentoring__CoordinatorKey</c>) and validated at start-up: a bad value stops the
/// start with one line naming it. The defaults are what a single EDI Centre needs.
/// </summary>
internal sealed class MentoringSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mentoring";

    /// <summary>The shortest coordinator key accepted: the generated one has 43 characters (32 random bytes).</summary>
    public const int MinimumCoordinatorKeyLength = 32;

    /// <summary>SQLite connection string; a relative file is under the app's directory. Default <c>Data Source=mentoring.db</c>.</summary>
    public string Database { get; set; } = "Data Source=mentoring.db";

    /// <summary>The coordinator's bearer key, at least <see cref="MinimumCoordinatorKeyLength"/> characters; unset: generated at the first start.</summary>
    public string? CoordinatorKey { get; set; }

    /// <summary>How long a run may prove optimality before it returns its best pairing as Feasible, in seconds. Default 120.</summary>
    public int RunTimeLimitSeconds { get; set; } = 120;

    /// <summary>Serve <c>/openapi/v1.json</c> and <c>/scalar/v1</c> outside Development too. Default false.</summary>
    public bool PublishApiReference { get; set; }

    /// <summary>Where the Data Protection key ring lives, apart from the database; relative to the app's directory. Default <c>keys</c>.</summary>
    public string KeyRingDirectory { get; set; } = "keys";

    /// <summary>How much of a request the API reads.</summary>
    public RequestLimitSettings Limits { get; set; } = new();

    /// <summary>How often a client may try.</summary>
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>JWT bearer tokens from the university's identity provider, accepted beside the API's own keys; off unless <c>Jwt:Issuer</c> is set.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>How long the first answer to an <c>Idempotency-Key</c> is kept for retries, in hours. Default 24.</summary>
    public int IdempotencyHours { get; set; } = 24;

    /// <summary>The <c>Strict-Transport-Security</c> max-age sent over HTTPS, in days. Default 365.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>The sizes the API reads; anything larger is refused with 413 before it is parsed.</summary>
internal sealed class RequestLimitSettings
{
    /// <summary>The largest JSON body (cohorts, policies, pins, sessions), in bytes. Default 1 MiB.</summary>
    public int MaxJsonBodyBytes { get; set; } = 1 << 20;

    /// <summary>The largest people upload (CSV or JSON), in bytes. Default 30 MB.</summary>
    public int MaxUploadBytes { get; set; } = 30_000_000;
}

/// <summary>Limits on guessing and on floods, each per the thing it protects.</summary>
internal sealed class RateLimitSettings
{
    /// <summary>Failed authentications allowed per client address per minute; beyond them 429 until the minute ends. Default 10.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 10;

    /// <summary>Session writes (log or correct) allowed per pair per day. Default 20.</summary>
    public int SessionWritesPerPairPerDay { get; set; } = 20;

    /// <summary>People uploads allowed per cohort per hour. Default 30.</summary>
    public int UploadsPerCohortPerHour { get; set; } = 30;
}

/// <summary>
/// An identity provider whose JWTs the API accepts as <c>Authorization: Bearer</c>: signed by the provider's keys
/// (found from <see cref="Authority"/>'s OpenID Connect metadata) or by a shared <see cref="SigningKey"/>, with this
/// issuer and audience, and a role claim of <c>coordinator</c> or <c>analyst</c>.
/// </summary>
internal sealed class JwtSettings
{
    /// <summary>The shortest shared signing key accepted, in bytes (HMAC-SHA256 needs 256 bits).</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The tokens' <c>iss</c>; unset turns JWTs off.</summary>
    public string? Issuer { get; set; }

    /// <summary>The tokens' <c>aud</c>: this API as the provider names it.</summary>
    public string? Audience { get; set; }

    /// <summary>The provider's base address, whose <c>/.well-known/openid-configuration</c> lists its signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>A shared HMAC-SHA256 key in base64, instead of <see cref="Authority"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The claim carrying the role. Default <c>role</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);
}
