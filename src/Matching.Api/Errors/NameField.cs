namespace Mentoring.Matching.Api.Errors;

/// <summary>The <c>name</c> field of a new cohort or scheme: required, trimmed, and short enough to show.</summary>
internal static class NameField
{
    public const int MaxLength = 200;

    /// <summary>The trimmed name; adds an error naming the field when it is empty or too long.</summary>
    public static string Read(string? value, string what, List<InputError> errors)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(Problems.RequestError("name", $"the {what} needs a name"));
        }
        else if (name.Length > MaxLength)
        {
            errors.Add(Problems.RequestError("name", $"must be at most {MaxLength} characters"));
        }

        return name;
    }
}
