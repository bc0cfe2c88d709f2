using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Errors;

/// <summary>The RFC 9457 problem details the API answers with; one place so every feature says it the same way.</summary>
internal static class Problems
{
    /// <summary>The source name for errors in a request's own fields.</summary>
    public const string RequestSource = "request";

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult Invalid(IReadOnlyList<InputError> errors) => TypedResults.Problem(InvalidDetails(errors));

    /// <summary>An error in one of the request's own fields.</summary>
    public static InputError RequestError(string field, string message) => new(RequestSource, null, field, message);

    /// <summary>A 422 naming every error, with the first in <c>detail</c>.</summary>
    public static ProblemDetails InvalidDetails(IReadOnlyList<InputError> errors)
    {
        var detail = errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors; the first: {errors[0]}";
        return new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The input is invalid",
            Detail = detail,
            Extensions = { ["errors"] = errors.Select(FieldError.From).ToArray() },
        };
    }
}
