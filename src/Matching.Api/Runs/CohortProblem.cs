using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Participants;
using Mentoring.Matching.Api.Protection;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Runs;

/// <summary>
/// The matching problem a cohort poses now: its stored people and policy with what its life adds (see
/// <see cref="RunPolicy"/>), checked by the library.
/// </summary>
internal static class CohortProblem
{
    /// <summary>The problem, or null when no people are loaded.</summary>
    /// <exception cref="InvalidInputException">The people and the policy do not fit together.</exception>
    public static async Task<MatchingProblem?> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction, PersonalData personalData, long cohortId)
    {
        var roster = await PeopleStore.RosterAsync(connection, transaction, personalData, cohortId);
        if (roster.People.Count == 0)
        {
            return null;
        }

        var policy = await CohortStore.PolicyAsync(connection, transaction, cohortId)
            ?? throw new InvalidOperationException($"Cohort {cohortId} has no policy.");
        return MatchingProblem.Create(roster, await RunPolicy.ForAsync(connection, transaction, cohortId, roster, policy));
    }

    /// <summary>The hash of the cohort's current input, or null when it cannot be matched as it stands.</summary>
    public static async Task<string?> CurrentHashAsync(SqliteConnection connection, SqliteTransaction? transaction, PersonalData personalData, long cohortId)
    {
        try
        {
            return (await LoadAsync(connection, transaction, personalData, cohortId))?.InputHash;
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }
}
