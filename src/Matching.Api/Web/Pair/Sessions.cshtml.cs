using System.Globalization;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Sessions;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Pair;

/// <summary>A pair's own page: log a session, see, correct and delete its sessions, see its shared slots. The pair comes from its cookie, never the URL.</summary>
internal sealed class SessionsModel(SessionStore sessions, RunStore runs, Db db, TimeProvider time) : WebPage
{
    public PairDetails? Details { get; private set; }

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    private long PairId => WebAccess.PairId(User);

    public string Label(string code) => Topics.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new SessionForm { Date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLogAsync(CancellationToken cancellationToken)
    {
        var request = Form.ToRequest(AddError);
        if (!HasErrors)
        {
            var answer = (await SessionEndpoints.AddAsync(PairId, request, sessions, time, cancellationToken)).Result;
            if (answer is Created<SessionView> created)
            {
                Message = $"Logged the session of {created.Value!.Date:d MMM yyyy}.";
                return Redirect("/app/pair/sessions");
            }

            AddErrors(WebResults.Errors((ProblemHttpResult)answer), e => SessionForm.FieldOf(e.Field));
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long sessionId, CancellationToken cancellationToken)
    {
        if ((await SessionEndpoints.DeleteAsync(PairId, sessionId, sessions, cancellationToken)).Result is ProblemHttpResult problem)
        {
            AddErrors(WebResults.Errors(problem), _ => null);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        Message = "Deleted the session.";
        return Redirect("/app/pair/sessions");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Details = await PairDetails.ReadAsync(db, runs, PairId, cancellationToken);
        Topics = WebResults.Read<IReadOnlyList<Topic>>((await SessionEndpoints.TopicsAsync(PairId, sessions, cancellationToken)).Result).Value ?? [];
        Sessions = WebResults.Read<IReadOnlyList<SessionView>>((await SessionEndpoints.ListAsync(PairId, sessions, cancellationToken)).Result).Value ?? [];
        return Details is not null;
    }
}
