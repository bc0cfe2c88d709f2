using Mentoring.Matching.Api;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Erasure;
using Mentoring.Matching.Api.Pairings;
using Mentoring.Matching.Api.Participants;
using Mentoring.Matching.Api.Reports;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Sessions;
using Mentoring.Matching.Api.Web;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMentoringApi();
builder.Services.AddMentoringSecurity();
builder.Services.AddMentoringWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMentoringWebAssets();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapCohorts();
app.MapParticipants();
app.MapRuns();
app.MapPairings();
app.MapSessions();
app.MapReports();
app.MapErasure();
app.MapMentoringWeb();

await app.RunAsync();
