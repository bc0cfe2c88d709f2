using System.Text.Json;
using Mentoring.Matching.Api.Errors;

namespace Mentoring.Matching.Api.Cohorts;

/// <summary>Reads a policy sent inside a request, naming its errors by their place in the request.</summary>
internal static class PolicyInput
{
    /// <summary>The policy, or null with its errors (fields prefixed with <paramref name="path"/>) added to <paramref name="errors"/>.</summary>
    /// <exception cref="InvalidUtf8Exception">A name or text in the policy is not valid UTF-8.</exception>
    public static MatchingPolicy? Read(JsonElement element, string path, List<InputError> errors)
    {
        Utf8Check.Require(element, path.Length == 0 ? "$" : $"$.{path}");
        try
        {
            return PolicyJson.Read(element);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors.Select(e => new InputError(
                Problems.RequestSource, null, Qualify(path, e.Field), e.Message)));
            return null;
        }
    }

    private static string? Qualify(string path, string? field) =>
        path.Length == 0 ? field : field is { Length: > 0 } ? $"{path}.{field}" : path;
}
