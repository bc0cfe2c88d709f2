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
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            InvalidInputException invalid => Problems.InvalidDetails(invalid.Errors),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = Unwrap(bad, httpContext.Request) },
            JsonException json => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request could not be read", Detail = json.Message },
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

    /// <summary>The framework's message, plus the JSON reader's, which says where the body is broken; plain words for a missing body.</summary>
    private static string Unwrap(BadHttpRequestException bad, HttpRequest request) => bad.InnerException switch
    {
        JsonException json => $"{bad.Message} {json.Message}",
        null when request.ContentLength is 0 or null && request.Headers.TransferEncoding.Count == 0 => "The request has no body; this endpoint takes a JSON body (application/json).",
        _ => bad.Message,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, string path);
}
