using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Sessions;
using Mentoring.Matching.Api.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mentoring.Matching.Api.Web.Pair;

/// <summary>Correct one of the pair's sessions (the whole entry is replaced, as with the API's PUT).</summary>
internal sealed class EditModel(SessionStore sessions, TimeProvider time) : WebPage
{
    [FromRoute]
    public long SessionId { get; set; }

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    private long PairId => WebAccess.PairId(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (WebResults.Read<SessionView>((await SessionEndpoints.GetAsync(PairId, SessionId, sessions, cancellationToken)).Result).Value is not { } session)
        {
            return NotFound();
        }

        Form = SessionForm.From(session);
        await LoadTopicsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = Form.ToRequest(AddError);
        if (!HasErrors)
        {
            var answer = (await SessionEndpoints.ReplaceAsync(PairId, SessionId, request, sessions, time, cancellationToken)).Result;
            if (answer is Ok<SessionView>)
            {
                Message = "Saved the correction.";
                return Redirect("/app/pair/sessions");
            }

            var problem = (ProblemHttpResult)answer;
            if (problem.StatusCode == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            AddErrors(WebResults.Errors(problem), e => SessionForm.FieldOf(e.Field));
        }

        await LoadTopicsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadTopicsAsync(CancellationToken cancellationToken) =>
        Topics = WebResults.Read<IReadOnlyList<Topic>>((await SessionEndpoints.TopicsAsync(PairId, sessions, cancellationToken)).Result).Value ?? [];
}
