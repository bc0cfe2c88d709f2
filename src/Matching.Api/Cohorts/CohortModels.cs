using System.Text.Json;

namespace Mentoring.Matching.Api.Cohorts;

/// <summary>A new cohort.</summary>
/// <param name="Name">What the EDI Centre calls it, e.g. "2026 cohort".</param>
/// <param name="StartsOn">The first day of the cohort (ISO date).</param>
/// <param name="EndsOn">The last day of the cohort (ISO date), not before <paramref name="StartsOn"/>.</param>
/// <param name="Policy">The matching policy, exactly as the contract's <c>policy.json</c>.</param>
/// <param name="SchemeId">The scheme it belongs to, if any: its runs never propose a pair published in the scheme's earlier cohorts.</param>
internal sealed record CreateCohortRequest(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, JsonElement? Policy, long? SchemeId = null);

/// <summary>A cohort's new name and dates (all three are required; the policy has its own endpoint).</summary>
/// <param name="Name">What the EDI Centre calls it.</param>
/// <param name="StartsOn">The first day (ISO date).</param>
/// <param name="EndsOn">The last day (ISO date), not before <paramref name="StartsOn"/>; every logged session must stay within the dates.</param>
internal sealed record CohortDetailsRequest(string? Name, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>A cohort as the API shows it.</summary>
/// <param name="Id">The cohort's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartsOn">First day.</param>
/// <param name="EndsOn">Last day.</param>
/// <param name="Status"><c>draft</c> (people, policy and runs can change) or <c>published</c> (pairs are fixed).</param>
/// <param name="Policy">The matching policy in the contract's form, every field spelt out.</param>
/// <param name="People">How many people are loaded, by role, and their attribute columns.</param>
/// <param name="Topics">The topics its sessions can cover.</param>
/// <param name="PublishedRunId">The run whose pairs are the cohort's pairings now, once published (a re-match replaces it).</param>
/// <param name="SchemeId">The scheme it belongs to, or null.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its policy or people last changed.</param>
internal sealed record CohortView(
    long Id,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Status,
    JsonElement Policy,
    PeopleSummary People,
    IReadOnlyList<Topic> Topics,
    long? PublishedRunId,
    long? SchemeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Who is loaded into a cohort.</summary>
/// <param name="Total">Everyone in the org chart, participants or not.</param>
/// <param name="Mentees">Mentees.</param>
/// <param name="Mentors">Mentors.</param>
/// <param name="AttributeColumns">The diversity attribute columns the people carry.</param>
internal sealed record PeopleSummary(int Total, int Mentees, int Mentors, IReadOnlyList<string> AttributeColumns);

/// <summary>A (mentee, mentor) pair to pin or forbid.</summary>
/// <param name="MenteeId">The mentee's id.</param>
/// <param name="MentorId">The mentor's id.</param>
internal sealed record PairRequest(string? MenteeId, string? MentorId);
