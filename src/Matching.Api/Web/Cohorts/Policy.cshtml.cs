using System.Text.Json;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Cohorts;

/// <summary>Edit a cohort's policy field by field, or import and export it as policy.json; the API's handler checks it.</summary>
internal sealed class PolicyModel(CohortStore cohorts, TimeProvider time) : WebPage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [FromRoute]
    public long CohortId { get; set; }

    public CohortView? Cohort { get; private set; }

    [BindProperty]
    public PolicyForm Policy { get; set; } = new();

    [TempData]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } cohort)
        {
            return NotFound();
        }

        Policy = PolicyForm.From(cohort.Policy);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } cohort
            ? File(JsonSerializer.SerializeToUtf8Bytes(cohort.Policy, Indented), "application/json", "policy.json")
            : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var json = Policy.ToJson((field, message) => AddError($"Policy.{field}", message));
        return HasErrors ? await RedisplayAsync(cancellationToken) : await ReplaceAsync(json, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? policyFile, CancellationToken cancellationToken)
    {
        var (json, error) = await PolicyFiles.ReadAsync(policyFile, null, cancellationToken);
        if (error is not null)
        {
            AddError("PolicyFile", error);
            return await RedisplayAsync(cancellationToken, keepForm: false);
        }

        return await ReplaceAsync(json!.Value, cancellationToken, imported: true);
    }

    private async Task<IActionResult> ReplaceAsync(JsonElement json, CancellationToken cancellationToken, bool imported = false)
    {
        var (saved, problem) = WebResults.Read<CohortView>((await CohortEndpoints.ReplacePolicyAsync(CohortId, json, cohorts, time, cancellationToken)).Result);
        if (saved is not null)
        {
            Saved = true;
            return Redirect($"/app/cohorts/{CohortId}/policy");
        }

        AddErrors(WebResults.Errors(problem!), e => imported ? "PolicyFile" : PolicyForm.FieldOf(e.Field));
        return await RedisplayAsync(cancellationToken, keepForm: !imported);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken, bool keepForm = true)
    {
        if (await LoadAsync(cancellationToken) is not { } cohort)
        {
            return NotFound();
        }

        if (!keepForm)
        {
            Policy = PolicyForm.From(cohort.Policy);
        }

        return Page();
    }

    private async Task<CohortView?> LoadAsync(CancellationToken cancellationToken) => Cohort = await cohorts.GetAsync(CohortId, cancellationToken);
}
