using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Errors;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mentoring.Matching.Api.Staff;

/// <summary>Named staff keys: a coordinator issues them with a role (the key shown once), lists and revokes them.</summary>
internal static class StaffKeyEndpoints
{
    public static IEndpointRouteBuilder MapStaffKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff-keys")
            .WithTags("Staff keys")
            .RequireAccess(Access.CoordinatorPolicy);

        group.MapPost("/", IssueAsync)
            .WithSummary("Issue a named key with a role: coordinator (everything) or analyst (anonymised reports only)")
            .WithDescription("The answer carries the key, shown this once (only its hash is stored) and never cached.")
            .CarriesCredential()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("List the staff keys, revoked ones included (never a key or its hash)");
        group.MapDelete("/{staffKeyId:long}", RevokeAsync)
            .WithSummary("Revoke a staff key; it stops working at once")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Created<IssuedStaffKey>, ProblemHttpResult>> IssueAsync(
        IssueStaffKeyRequest request, HttpContext http, StaffKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var name = NameField.Read(request.Name, "staff key", errors);
        var role = request.Role?.Trim() ?? "";
        if (!StaffKeys.Roles.Contains(role))
        {
            errors.Add(Problems.RequestError("role", role.Length == 0
                ? $"the role is required: one of {string.Join(", ", StaffKeys.Roles)}"
                : $"{Echo.Quote(role)} is not a role: one of {string.Join(", ", StaffKeys.Roles)}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var issued = await keys.IssueAsync(name, role, AuditTrail.ActorOf(http.User), time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/staff-keys/{issued.StaffKey.Id}", issued);
    }

    internal static async Task<Ok<IReadOnlyList<StaffKeyView>>> ListAsync(StaffKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        long staffKeyId, StaffKeyStore keys, TimeProvider time, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(staffKeyId, time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"There is no staff key {staffKeyId}.");
}
