using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mentoring.Matching.Api.Cohorts;

/// <summary>
/// Policies travel as raw JSON (so the library can name every bad field), which OpenAPI would show as "anything";
/// this describes them as the contract's policy.json instead.
/// </summary>
internal sealed class PolicySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(JsonElement))
        {
            return Task.CompletedTask;
        }

        schema.Type = JsonSchemaType.Object;
        schema.Description = "A matching policy, as the contract's policy.json. Only dimensions is required; an unknown field is an error.";
        schema.Required = new HashSet<string> { "dimensions" };
        schema.AdditionalPropertiesAllowed = false;
        schema.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["dimensions"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Attribute columns that count, with integer weights ≥ 0, e.g. { \"ethnicity\": 3, \"gender\": 2 }",
                AdditionalProperties = Integer("weight", 0),
            },
            ["minDifferences"] = Integer("A pair must differ on at least this many dimensions (default 1)", 0),
            ["requireDifferent"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "Dimensions on which a pair must differ (default none)" },
            ["minSharedSlots"] = Integer("A pair must share at least this many availability slots (default 1)", 0),
            ["sharedSlotWeight"] = Integer("Score per shared slot (default 1)", 0),
            ["minGradeGap"] = Integer("grade(mentee) - grade(mentor) must be at least this (default 1)", null),
            ["lineManagement"] = Choice("How far the reporting line keeps a pair apart (default chain)", "chain", "direct", "off"),
            ["forbidSameDepartment"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Bar pairs from the same department (default false)" },
            ["forbiddenPairs"] = Pairs("Pairs never made (default none)"),
            ["pinnedPairs"] = Pairs("Pairs always made; they use mentor capacity (default none)"),
            ["objective"] = Choice("What is maximised after the number matched (default total)", "total", "fairness"),
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer(string description, int? minimum) => new()
    {
        Type = JsonSchemaType.Integer,
        Description = description,
        Minimum = minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static OpenApiSchema Choice(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };

    private static OpenApiSchema Pairs(string description) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description + ": [[\"menteeId\", \"mentorId\"], ...]",
        Items = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, MinItems = 2, MaxItems = 2 },
    };
}
