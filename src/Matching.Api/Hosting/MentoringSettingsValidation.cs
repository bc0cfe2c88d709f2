using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Hosting;

/// <summary>Checks the settings at start-up; each failure names the setting as it is written in configuration.</summary>
internal sealed class MentoringSettingsValidation : IValidateOptions<MentoringSettings>
{
    public ValidateOptionsResult Validate(string? name, MentoringSettings options)
    {
        var failures = new List<string>();
        const string At = MentoringSettings.Section + ":";
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            failures.Add($"{At}Database must be an SQLite connection string, e.g. \"Data Source=mentoring.db\"");
        }

        if (options.CoordinatorKey is { Length: > 0 } key && key.Length < MentoringSettings.MinimumCoordinatorKeyLength)
        {
            failures.Add($"{At}CoordinatorKey must be at least {MentoringSettings.MinimumCoordinatorKeyLength} characters (it has {key.Length}); leave it unset to have one generated");
        }

        if (options.KeyRingDirectory.Trim().Length == 0)
        {
            failures.Add($"{At}KeyRingDirectory must name a directory");
        }

        ValidateJwt(failures, At + "Jwt:", options.Jwt);
        Positive(failures, $"{At}RunTimeLimitSeconds", options.RunTimeLimitSeconds);
        Positive(failures, $"{At}Limits:MaxJsonBodyBytes", options.Limits.MaxJsonBodyBytes);
        Positive(failures, $"{At}Limits:MaxUploadBytes", options.Limits.MaxUploadBytes);
        Positive(failures, $"{At}RateLimits:FailedAuthenticationsPerMinute", options.RateLimits.FailedAuthenticationsPerMinute);
        Positive(failures, $"{At}RateLimits:SessionWritesPerPairPerDay", options.RateLimits.SessionWritesPerPairPerDay);
        Positive(failures, $"{At}RateLimits:UploadsPerCohortPerHour", options.RateLimits.UploadsPerCohortPerHour);
        Positive(failures, $"{At}IdempotencyHours", options.IdempotencyHours);
        Positive(failures, $"{At}HstsMaxAgeDays", options.HstsMaxAgeDays);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateJwt(List<string> failures, string at, JwtSettings jwt)
    {
        if (!jwt.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add($"{at}Audience must name this API as the identity provider's tokens do");
        }

        if (string.IsNullOrWhiteSpace(jwt.RoleClaim))
        {
            failures.Add($"{at}RoleClaim must name the claim that carries the role");
        }

        if (string.IsNullOrWhiteSpace(jwt.Authority) == string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            failures.Add($"{at}Authority (the identity provider's address) or {at}SigningKey (a shared base64 key) must be set, and not both");
        }
        else if (jwt.Authority is { Length: > 0 } authority && !(Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add($"{at}Authority must be an https address");
        }
        else if (jwt.SigningKey is { Length: > 0 } key && !(Convert.TryFromBase64String(key, new byte[key.Length], out var bytes) && bytes >= JwtSettings.MinimumSigningKeyBytes))
        {
            failures.Add($"{at}SigningKey must be base64 of at least {JwtSettings.MinimumSigningKeyBytes} bytes");
        }
    }

    private static void Positive(List<string> failures, string setting, int value)
    {
        if (value <= 0)
        {
            failures.Add($"{setting} must be a positive whole number, not {value}");
        }
    }
}
