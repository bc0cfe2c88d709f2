using Mentoring.Matching.Api;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Erasure;
using Mentoring.Matching.Api.Health;
using Mentoring.Matching.Api.Hosting;
using Mentoring.Matching.Api.Idempotency;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Participants;
using Mentoring.Matching.Api.RateLimits;
using Mentoring.Matching.Api.Reports;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Schemes;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Sessions;
using Mentoring.Matching.Api.Staff;
using Mentoring.Matching.Api.Web;
using Mentoring.Matching.Api.Withdrawals;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

// The app's own directory, not the working directory: appsettings.json is found wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddMentoringApi();
builder.Services.AddMentoringSecurity();
builder.Services.AddMentoringRateLimits();
builder.Services.AddMentoringHealth();
builder.Services.AddMentoringWeb();

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch (OptionsValidationException invalid)
{
    // A bad setting stops the start with one line naming it.
    await Console.Error.WriteLineAsync($"Invalid settings: {invalid.Message}");
    return 1;
}

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMentoringWebErrorPages();

// Routing after the status-code pages, so a web request re-executed to its error page finds that page.
app.UseRouting();
app.UseRequestSizeLimits();
app.UseMentoringWebAssets();
app.UseAuthentication();

// After authentication, which counts failed tokens, and before authorization, which would answer them 401:
// a locked-out address gets 429 whatever it sends.
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

if (app.PublishesApiReference())
{
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
}

app.MapHealth();
app.MapSchemes();
app.MapCohorts();
app.MapParticipants();
app.MapRuns();
app.MapPairings();
app.MapWithdrawals();
app.MapSessions();
app.MapReports();
app.MapErasure();
app.MapStaffKeys();
app.MapAudit();
app.MapMentoringWeb();

await app.RunAsync();
return 0;
