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

    /// <summary>
    /// The most errors a 422 lists: enough to fix a file in a few rounds, few enough that a file with a bad
    /// value on every row cannot make an answer larger than itself.
    /// </summary>
    public const int MaxListedErrors = 100;

    /// <summary>A 422 naming every error up to <see cref="MaxListedErrors"/>, with the first in <c>detail</c>.</summary>
    public static ProblemDetails InvalidDetails(IReadOnlyList<InputError> errors)
    {
        var first = FieldError.From(errors[0]);
        var detail = errors.Count == 1 ? Describe(first)
            : errors.Count <= MaxListedErrors ? $"{errors.Count} errors; the first: {Describe(first)}"
            : $"{errors.Count} errors, the first {MaxListedErrors} listed; the first: {Describe(first)}";
        return new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The input is invalid",
            Detail = detail,
            Extensions = { ["errors"] = errors.Take(MaxListedErrors).Select(FieldError.From).ToArray() },
        };
    }

    /// <summary>One listed error as a line, as <see cref="InputError.ToString"/> words it.</summary>
    private static string Describe(FieldError error) => new InputError(error.Source, error.Line, error.Field, error.Message).ToString();
}
