using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Errors;

/// <summary>
/// Turns every exception into problem details: invalid input 422 with every error, unreadable requests
/// 400 (or the status the framework chose, e.g. 415), and anything unexpected a 500 without internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The longest <c>detail</c> of a 400: a reader's message can quote the body.</summary>
    private const int MaxDetail = 300;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            InvalidInputException invalid => Problems.InvalidDetails(invalid.Errors),
            InvalidUtf8Exception text => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request could not be read", Detail = text.Message },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = Unwrap(bad, httpContext.Request) },
            JsonException json => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request could not be read", Detail = Describe(json) },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                new ProblemDetails { Status = StatusCodes.Status499ClientClosedRequest, Title = "The request was cancelled" },
            _ => null,
        };
        if (details is null)
        {
            LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path);
            details = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred" };
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>Where and how the body is broken, in plain words; plain words for a missing body too.</summary>
    private static string Unwrap(BadHttpRequestException bad, HttpRequest request) => bad.InnerException switch
    {
        JsonException json => Describe(json),
        null when request.ContentLength is 0 or null && request.Headers.TransferEncoding.Count == 0 => "The request has no body; this endpoint takes a JSON body (application/json).",
        _ => Echo.Cap(bad.Message, MaxDetail),
    };

    /// <summary>
    /// The reader's own words for broken syntax; for a wrong or unknown field, its place without .NET type names.
    /// Names and paths come from the body, so each is shortened and the whole capped.
    /// </summary>
    private static string Describe(JsonException json) => Echo.Cap(
        json.Message switch
        {
            _ when IsInvalidText(json) => $"The text at {Echo.Cap(json.Path ?? "$", MaxDetail)} is not valid UTF-8; send the body as UTF-8.",
            var m when m.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
                $"The value at {Echo.Cap(json.Path ?? "$", MaxDetail)} (line {json.LineNumber + 1}) does not have the expected type or form: dates are \"YYYY-MM-DD\", numbers are JSON numbers, lists are arrays.",
            var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                $"{UnknownField(m)} is not a field this endpoint takes; see /openapi/v1.json.",
            var m => $"The body is not valid JSON: {m}",
        },
        MaxDetail);

    /// <summary>Whether the reader refused a text's bytes (invalid UTF-8, or an escaped lone surrogate) rather than its type.</summary>
    private static bool IsInvalidText(JsonException json) =>
        json.InnerException is InvalidOperationException inner
        && (inner.InnerException is System.Text.DecoderFallbackException || inner.Message.Contains("invalid UTF-", StringComparison.Ordinal));

    private static string UnknownField(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end < 0 ? "A field" : $"The field {Echo.Quote(message[(start + 1)..end])}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
