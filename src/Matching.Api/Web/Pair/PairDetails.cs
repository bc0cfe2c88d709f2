using Dapper;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Web.Pair;

/// <summary>What a pair sees of itself: its cohort's name and the slots the two share, from the published run.</summary>
internal sealed record PairDetails(string CohortName, IReadOnlyList<string> SharedSlots, bool CanLog)
{
    public static async Task<PairDetails?> ReadAsync(Db db, RunStore runs, long pairId, CancellationToken cancellationToken)
    {
        (long CohortId, long RunId, string MenteeId, string MentorId, string? EndedAt, string Name)? pair;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            pair = await connection.QuerySingleOrDefaultAsync<(long, long, string, string, string?, string)?>(new CommandDefinition(
                """
                SELECT p.cohort_id, p.run_id, p.mentee_id, p.mentor_id, p.ended_at, c.name
                FROM pairs p JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = @pairId
                """,
                new { pairId },
                cancellationToken: cancellationToken));
        }

        if (pair is not { } found)
        {
            return null;
        }

        var run = await runs.GetAsync(found.CohortId, found.RunId, cancellationToken);
        var slots = run?.Result.Pairs.FirstOrDefault(p => p.MenteeId == found.MenteeId && p.MentorId == found.MentorId)?.SharedSlots ?? [];
        return new PairDetails(found.Name, slots, found.EndedAt is null);
    }
}
