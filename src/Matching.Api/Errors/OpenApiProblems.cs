namespace Mentoring.Matching.Api.Errors;

/// <summary>Describes the problem responses an endpoint can give, so the OpenAPI document lists them.</summary>
internal static class OpenApiProblems
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Adds problem details responses for each status (422 with its field errors).</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder = status == StatusCodes.Status422UnprocessableEntity
                ? builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(InvalidInputProblem), [ProblemJson]))
                : builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [ProblemJson]));
        }

        return builder;
    }
}
