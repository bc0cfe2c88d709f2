using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mentoring.Matching.Api.Security;

/// <summary>Tells the OpenAPI document (and the reference page) that every operation takes a bearer token.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Mentoring API";
        document.Info.Description =
            "Reverse-mentoring cohorts: load people, run the exact matching engine, review, publish pairs, log sessions, read anonymised reports. " +
            "Send 'Authorization: Bearer <token>': the coordinator key (or a coordinator's staff key) can do everything; an analyst's staff key reads only the reports; " +
            "a pair's logging credential reaches only that pair's sessions.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Access.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The coordinator key, a staff key (shown once when issued), or a pair's logging credential (shown once when the cohort is published).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Access.Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
