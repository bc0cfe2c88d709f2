using System.Security.Cryptography;
using System.Text;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the endpoints marked <see cref="IdempotencyConventions.AcceptsIdempotencyKey"/>: the
/// first request with a key runs and, when it succeeds (2xx), its answer is kept; a retry with the same key from the
/// same caller to the same endpoint with the same body gets that answer back (<c>Idempotent-Replayed: true</c>) and
/// runs nothing. The same key with another endpoint or body is 422; a retry while the first still runs is 409.
/// A request that fails frees its key, since it stored nothing. Runs after authorization, so only a caller who may
/// make the request claims a key.
/// </summary>
internal sealed partial class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IOptions<MentoringSettings> settings, TimeProvider time, ILogger<IdempotencyMiddleware> logger)
{
    /// <summary>The request header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The header a replayed answer carries.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The longest key taken (a UUID has 36 characters).</summary>
    public const int MaxKeyLength = 255;

    private const string BearerPrefix = "Bearer ";

    /// <summary>How soon a retry may find the first request finished.</summary>
    private const int InProgressRetrySeconds = 1;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var header = context.Request.Headers[Header];
        var authorization = context.Request.Headers.Authorization.ToString();
        if (header.Count == 0
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyConventions.AcceptsKey>() is null
            || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (header.Count != 1 || header[0] is not { Length: > 0 and <= MaxKeyLength } key || !key.All(c => c is >= '!' and <= '~'))
        {
            await WriteProblemAsync(context, problems, Problems.InvalidDetails([Problems.RequestError(
                Header, $"must be one value of 1 to {MaxKeyLength} visible ASCII characters, such as a UUID")]));
            return;
        }

        if (await RequestHashAsync(context.Request) is not { } requestHash)
        {
            // Too large to be a request these endpoints take: the endpoint refuses it, and nothing is kept.
            await next(context);
            return;
        }

        var scope = new IdempotencyScope(authorization[BearerPrefix.Length..].Trim(), key);
        var (claim, sealedAnswer) = await store.ClaimAsync(scope.KeyHash, requestHash, time.GetUtcNow(), context.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Answered:
                await ReplayAsync(context, IdempotentAnswer.FromBytes(scope.Open(sealedAnswer!)));
                return;
            case IdempotencyClaim.Mismatch:
                await WriteProblemAsync(context, problems, Problems.InvalidDetails([Problems.RequestError(
                    Header, "was used for a different request (another endpoint or body); use a new key for a new request")]));
                return;
            case IdempotencyClaim.InProgress:
                context.Response.Headers.RetryAfter = InProgressRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteProblemAsync(context, problems, new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Conflict",
                    Detail = "A request with this Idempotency-Key is still running, or was cut off before it answered; retry shortly, " +
                             "and if this persists check what was stored before sending it again with a new key.",
                });
                return;
            default:
                await RunAndKeepAsync(context, scope);
                return;
        }
    }

    private async Task RunAndKeepAsync(HttpContext context, IdempotencyScope scope)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode is >= StatusCodes.Status200OK and < StatusCodes.Status300MultipleChoices)
            {
                var answer = new IdempotentAnswer(response.StatusCode, response.ContentType, response.Headers.Location, response.Headers.CacheControl, buffer.ToArray());
                await store.CompleteAsync(scope.KeyHash, answer.Status, scope.Seal(answer.ToBytes()), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await store.ReleaseAsync(scope.KeyHash, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task ReplayAsync(HttpContext context, IdempotentAnswer answer)
    {
        LogReplayed(logger, context.Request.Path);
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        response.Headers[ReplayedHeader] = "true";
        if (answer.Location is not null)
        {
            response.Headers.Location = answer.Location;
        }

        if (answer.CacheControl is not null)
        {
            response.Headers.CacheControl = answer.CacheControl;
        }

        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>The SHA-256 of method, path and body; null when the body is larger than any JSON body the API reads.</summary>
    private async Task<string?> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n"));
        var limit = settings.Value.Limits.MaxJsonBodyBytes;
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            total += read;
            if (total > limit)
            {
                request.Body.Position = 0;
                return null;
            }

            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the first answer to an Idempotency-Key at {Path}")]
    private static partial void LogReplayed(ILogger logger, PathString path);
}
