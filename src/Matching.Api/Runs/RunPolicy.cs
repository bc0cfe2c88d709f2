using Dapper;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Runs;

/// <summary>
/// The policy a run of a cohort uses: the coordinator's, plus what the cohort's life adds. Pairs published in the
/// scheme's other cohorts and pairs that ended in this one are forbidden, each with its reason; a mentor who has
/// served in as many of the scheme's cohorts as its limit takes no mentee; and once the cohort is published its live
/// pairs are the current pairs (kept where they can be) and the locked ones are pinned.
/// </summary>
internal static class RunPolicy
{
    public static async Task<MatchingPolicy> ForAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long cohortId, Roster roster, MatchingPolicy policy)
    {
        var cohort = await connection.QuerySingleAsync<CohortRow>(
            """
            SELECT c.scheme_id, s.mentor_cohort_limit, c.published_at FROM cohorts c LEFT JOIN schemes s ON s.id = c.scheme_id
            WHERE c.id = @cohortId
            """,
            new { cohortId },
            transaction);
        var mentees = roster.People.Where(p => p.Role == ParticipantRole.Mentee).Select(p => p.Id).ToArray();
        var mentors = roster.People.Where(p => p.Role == ParticipantRole.Mentor).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var menteeSet = mentees.ToHashSet(StringComparer.Ordinal);
        bool TakesPart(PersonPair pair) => menteeSet.Contains(pair.MenteeId) && mentors.Contains(pair.MentorId);

        var forbidden = new List<PersonPair>(policy.ForbiddenPairs.Where(TakesPart));
        var listed = forbidden.Select(Key).ToHashSet();
        void Forbid(string menteeId, string mentorId, string reason)
        {
            var pair = new PersonPair(menteeId, mentorId) { Reason = reason };
            if (TakesPart(pair) && listed.Add(Key(pair)))
            {
                forbidden.Add(pair);
            }
        }

        if (cohort.SchemeId is { } schemeId)
        {
            var history = await connection.QueryAsync<(string MenteeId, string MentorId, string CohortName)>(
                """
                SELECT p.mentee_id, p.mentor_id, c.name FROM pairs p JOIN cohorts c ON c.id = p.cohort_id
                WHERE c.scheme_id = @schemeId AND c.id <> @cohortId ORDER BY c.id, p.id
                """,
                new { schemeId, cohortId },
                transaction);
            foreach (var (menteeId, mentorId, cohortName) in history)
            {
                Forbid(menteeId, mentorId, $"paired in cohort {cohortName}");
            }

            if (cohort.MentorCohortLimit is { } limit)
            {
                var served = await connection.QueryAsync<(string MentorId, long Cohorts)>(
                    """
                    SELECT p.mentor_id, count(DISTINCT p.cohort_id) FROM pairs p JOIN cohorts c ON c.id = p.cohort_id
                    WHERE c.scheme_id = @schemeId AND c.id <> @cohortId GROUP BY p.mentor_id ORDER BY p.mentor_id
                    """,
                    new { schemeId, cohortId },
                    transaction);
                foreach (var (mentorId, cohorts) in served.Where(s => s.Cohorts >= limit && mentors.Contains(s.MentorId)))
                {
                    foreach (var menteeId in mentees)
                    {
                        Forbid(menteeId, mentorId, $"the mentor has served in {cohorts} cohorts of the scheme, its limit");
                    }
                }
            }
        }

        if (cohort.PublishedAt is null)
        {
            return policy with { ForbiddenPairs = forbidden, PinnedPairs = policy.PinnedPairs.Where(TakesPart).ToArray() };
        }

        var pairs = (await connection.QueryAsync<PairRow>(
            "SELECT mentee_id, mentor_id, end_reason, locked FROM pairs WHERE cohort_id = @cohortId ORDER BY id", new { cohortId }, transaction))
            .ToArray();
        foreach (var ended in pairs.Where(p => p.EndReason is not null))
        {
            Forbid(ended.MenteeId, ended.MentorId, $"ended in this cohort ({ended.EndReason})");
        }

        var live = pairs.Where(p => p.EndReason is null).ToArray();
        return policy with
        {
            ForbiddenPairs = forbidden,
            CurrentPairs = live.Select(p => new PersonPair(p.MenteeId, p.MentorId)).ToArray(),
            PinnedPairs = policy.PinnedPairs.Concat(live.Where(p => p.Locked).Select(p => new PersonPair(p.MenteeId, p.MentorId)))
                .Where(TakesPart)
                .DistinctBy(Key)
                .ToArray(),
        };
    }

    private static (string, string) Key(PersonPair pair) => (pair.MenteeId, pair.MentorId);

    private sealed class CohortRow
    {
        public long? SchemeId { get; init; }

        public long? MentorCohortLimit { get; init; }

        public string? PublishedAt { get; init; }
    }

    private sealed class PairRow
    {
        public string MenteeId { get; init; } = "";

        public string MentorId { get; init; } = "";

        public string? EndReason { get; init; }

        public bool Locked { get; init; }
    }
}
