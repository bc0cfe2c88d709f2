using Mentoring.Matching.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Web.Shared;

/// <summary>Reads the API handlers' answers for the pages: the value on success, every error otherwise.</summary>
internal static class WebResults
{
    /// <summary>The errors of a problem answer: its field errors when it lists them, else its detail.</summary>
    public static IReadOnlyList<FieldError> Errors(ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is IEnumerable<FieldError> listed
            ? listed.ToArray()
            : [new FieldError(Problems.RequestSource, null, null, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "The request was refused.")];

    /// <summary>The value of a successful answer, or the problem.</summary>
    public static (T? Value, ProblemHttpResult? Problem) Read<T>(IResult result)
        where T : class => result switch
        {
            ProblemHttpResult problem => (null, problem),
            IValueHttpResult<T> value => (value.Value, null),
            _ => throw new InvalidOperationException($"Unexpected answer {result.GetType().Name}."),
        };
}
