namespace Mentoring.Matching.Api.Errors;

/// <summary>One problem with a request, naming where it is: the <c>errors</c> entries of a 422 response.</summary>
/// <param name="Source">Which input: <c>request</c>, <c>people.csv</c>, <c>people</c> (JSON), <c>policy.json</c>.</param>
/// <param name="Line">For CSV: the 1-based physical line (the header is line 1).</param>
/// <param name="Field">The field or column at fault, e.g. <c>minutes</c>, <c>grade</c>, <c>people[3].managerId</c>.</param>
/// <param name="Message">What is wrong, in words a coordinator can act on.</param>
internal sealed record FieldError(string Source, int? Line, string? Field, string Message)
{
    /// <summary>The error as listed, its field and message capped in case a reader echoed more than it should.</summary>
    public static FieldError From(InputError error) =>
        new(error.Source, error.Row, error.Field is { } field ? Echo.Cap(field, Echo.MaxErrorText) : null, Echo.Cap(error.Message, Echo.MaxErrorText));
}

/// <summary>The shape of a 422 response (for the OpenAPI document): problem details with every error listed.</summary>
internal sealed record InvalidInputProblem(string Type, string Title, int Status, string Detail, IReadOnlyList<FieldError> Errors);
