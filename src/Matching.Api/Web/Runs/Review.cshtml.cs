using System.Globalization;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Runs;

/// <summary>
/// Run the engine and review a run: pairs with their explanation, the unmatched with reasons, pin and forbid from a row,
/// who moved; with the run options, each mentee's alternatives and the what-if table. On a published cohort a run is a
/// re-match, and the page shows which pairs it keeps, moves and makes.
/// </summary>
internal sealed class ReviewModel(CohortStore cohorts, RunStore runs, Db db, PersonalData personalData, MatchingOptions options, TimeProvider time) : WebPage
{
    [FromRoute]
    public long CohortId { get; set; }

    [FromRoute]
    public long? RunId { get; set; }

    public CohortView? Cohort { get; private set; }

    public RunView? Run { get; private set; }

    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];

    public long? PreviousRunId { get; private set; }

    /// <summary>Mentees whose mentor differs from the previous run's.</summary>
    public IReadOnlyList<string> Moves { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Run option: how many other mentors to weigh for each matched mentee (0 to <see cref="MatchingOptions.MaxAlternatives"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Alternatives { get; set; }

    /// <summary>Run option: relax each rule alone and show what the cohort would gain.</summary>
    [BindProperty(SupportsGet = true)]
    public bool WhatIf { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        int? alternatives = null;
        if (!string.IsNullOrWhiteSpace(Alternatives))
        {
            if (int.TryParse(Alternatives.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var given))
            {
                alternatives = given;
            }
            else
            {
                AddError(nameof(Alternatives), $"Enter a whole number from 0 to {MatchingOptions.MaxAlternatives}.");
                return await LoadAsync(cancellationToken) ? Page() : NotFound();
            }
        }

        var answer = (await RunEndpoints.RunAsync(CohortId, new RunRequest(alternatives, WhatIf), db, personalData, runs, options, time, cancellationToken)).Result;
        if (answer is Created<RunView> created)
        {
            Message = $"Run {created.Value!.Id} finished: {created.Value.Result.Status}, {created.Value.Result.Matched} matched.";
            // The options stay filled in for the next run; they are not personal data, so they may sit in the address.
            return Redirect($"/app/cohorts/{CohortId}/runs/{created.Value.Id}?alternatives={alternatives ?? 0}&whatIf={(WhatIf ? "true" : "false")}");
        }

        var problem = (ProblemHttpResult)answer;
        AddErrors(WebResults.Errors(problem), e => e.Field == "alternatives" ? nameof(Alternatives) : null);
        if (problem.ProblemDetails.Extensions.TryGetValue("runId", out var stored) && stored is long storedRun)
        {
            RunId = storedRun;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostPinAsync(string? menteeId, string? mentorId, CancellationToken cancellationToken) =>
        EditAsync(PairList.Pins, new PairRequest(menteeId, mentorId), "Pinned", cancellationToken);

    public Task<IActionResult> OnPostForbidAsync(string? menteeId, string? mentorId, CancellationToken cancellationToken) =>
        EditAsync(PairList.Forbids, new PairRequest(menteeId, mentorId), "Forbade", cancellationToken);

    private async Task<IActionResult> EditAsync(PairList list, PairRequest pair, string done, CancellationToken cancellationToken)
    {
        var (edited, problem) = WebResults.Read<CohortView>((await CohortEndpoints.AddPairAsync(CohortId, list, pair, cohorts, time, cancellationToken)).Result);
        if (edited is not null)
        {
            Message = $"{done} {pair.MenteeId} with {pair.MentorId}. Run again to see the effect.";
            return Redirect($"/app/cohorts/{CohortId}/runs" + (RunId is { } id ? $"/{id}" : ""));
        }

        AddErrors(WebResults.Errors(problem!), _ => null);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((Cohort = await cohorts.GetAsync(CohortId, cancellationToken)) is null)
        {
            return false;
        }

        Runs = await runs.ListAsync(CohortId, cancellationToken);
        var shownId = RunId ?? (Runs.Count > 0 ? Runs[0].Id : null);
        Run = shownId is { } id ? await runs.GetAsync(CohortId, id, cancellationToken) : null;
        if (RunId is not null && Run is null)
        {
            return false;
        }

        // Compare with the run before this one (a re-match shows its changes instead).
        if (Run is { Changes: null } && Runs.SkipWhile(r => r.Id != Run.Id).Skip(1).FirstOrDefault() is { } previous
            && await runs.GetAsync(CohortId, previous.Id, cancellationToken) is { } before)
        {
            PreviousRunId = previous.Id;
            var then = before.Result.Pairs.ToDictionary(p => p.MenteeId, p => p.MentorId);
            var now = Run.Result.Pairs.ToDictionary(p => p.MenteeId, p => p.MentorId);
            Moves = then.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
                .Where(m => then.GetValueOrDefault(m) != now.GetValueOrDefault(m))
                .Select(m => $"{m}: {then.GetValueOrDefault(m) ?? "unmatched"} → {now.GetValueOrDefault(m) ?? "unmatched"}")
                .ToArray();
        }

        return true;
    }
}
