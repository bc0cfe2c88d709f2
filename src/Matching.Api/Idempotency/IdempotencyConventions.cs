using Microsoft.OpenApi;

namespace Mentoring.Matching.Api.Idempotency;

/// <summary>
/// Marks an endpoint as taking <c>Idempotency-Key</c> and documents the header; the endpoint lists the 409 and 422
/// its key can answer with its own.
/// </summary>
internal static class IdempotencyConventions
{
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptsKey())
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
                    Description = "Optional; a new random value (e.g. a UUID) per request, sent again unchanged on its retries. " +
                                  "A retry gets the first successful answer back (with Idempotent-Replayed: true) and stores nothing new. " +
                                  "422 when the key was used for another request, 409 while the first is still running. Kept for Mentoring:IdempotencyHours (24).",
                });
                return Task.CompletedTask;
            });

    /// <summary>The endpoint metadata the middleware looks for.</summary>
    internal sealed class AcceptsKey;
}
