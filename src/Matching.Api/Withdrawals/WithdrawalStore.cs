using System.Globalization;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Storage;

namespace Mentoring.Matching.Api.Withdrawals;

/// <summary>Why a pair could not be ended.</summary>
internal enum EndRefusal
{
    CohortMissing,
    NotPublished,
    PairMissing,
    AlreadyEnded,
}

/// <summary>
/// Ends published pairs in SQLite, and takes a withdrawn person out of the cohort, in one transaction. The note is
/// sealed (see <see cref="PersonalData"/>) and never read back.
/// </summary>
internal sealed partial class WithdrawalStore(Db db, PersonalData personalData, AuditTrail audit, ILogger<WithdrawalStore> logger)
{
    public async Task<(PairEnded? Ended, EndRefusal? Refusal)> EndAsync(
        long cohortId, long pairId, string reason, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            switch (await CohortGate.StateAsync(connection, transaction, cohortId))
            {
                case CohortState.Missing:
                    return (null, EndRefusal.CohortMissing);
                case CohortState.Draft:
                    return (null, EndRefusal.NotPublished);
            }

            var pair = await connection.QuerySingleOrDefaultAsync<(string MenteeId, string MentorId, string? EndedAt)?>(
                "SELECT mentee_id, mentor_id, ended_at FROM pairs WHERE id = @pairId AND cohort_id = @cohortId", new { cohortId, pairId }, transaction);
            if (pair is not { } found)
            {
                return (null, EndRefusal.PairMissing);
            }

            if (found.EndedAt is not null)
            {
                return (null, EndRefusal.AlreadyEnded);
            }

            var at = DbText.Write(now);
            await connection.ExecuteAsync(
                $"UPDATE pairs SET {EndReasons.EndColumns}, end_note = @note WHERE id = @pairId",
                new { pairId, at, reason, note = personalData.Seal(PersonalDataKind.EndNote, note) },
                transaction);

            var withdrawn = reason switch
            {
                EndReasons.MenteeWithdrew => found.MenteeId,
                EndReasons.MentorWithdrew => found.MentorId,
                _ => null,
            };
            long[] alsoEnded = [];
            if (withdrawn is not null)
            {
                await connection.ExecuteAsync(
                    "UPDATE people SET withdrawn_at = coalesce(withdrawn_at, @at) WHERE cohort_id = @cohortId AND person_id = @withdrawn",
                    new { cohortId, withdrawn, at },
                    transaction);
                alsoEnded = (await connection.QueryAsync<long>(
                        $"""
                        UPDATE pairs SET {EndReasons.EndColumns}
                        WHERE cohort_id = @cohortId AND ended_at IS NULL AND (mentee_id = @withdrawn OR mentor_id = @withdrawn)
                        RETURNING id
                        """,
                        new { cohortId, withdrawn, at, reason },
                        transaction))
                    .Order()
                    .ToArray();
                await audit.AppendAsync(connection, transaction, AuditActions.PersonWithdrawn, cohortId, withdrawn, "", cancellationToken);
            }

            // The reason is a fixed word; the note is personal data and stays out of the trail.
            await audit.AppendAsync(connection, transaction, AuditActions.PairEnded, cohortId, pairId.ToString(CultureInfo.InvariantCulture), reason, cancellationToken);

            await connection.ExecuteAsync("UPDATE cohorts SET updated_at = @at WHERE id = @cohortId", new { cohortId, at }, transaction);
            await transaction.CommitAsync(cancellationToken);
            LogEnded(cohortId, pairId, reason, alsoEnded.Length);
            return (new PairEnded(pairId, reason, now, withdrawn, alsoEnded), null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {CohortId} pair {PairId} ended ({Reason}); {AlsoEnded} more of the withdrawn person's pairs ended")]
    private partial void LogEnded(long cohortId, long pairId, string reason, int alsoEnded);
}
