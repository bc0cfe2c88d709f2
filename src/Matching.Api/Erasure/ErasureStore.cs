using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Storage;
using Mentoring.Matching.Api.Withdrawals;

namespace Mentoring.Matching.Api.Erasure;

/// <summary>What an erasure did.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="ErasedAt">When.</param>
/// <param name="PairsEnded">Published pairs the person was in: ended, their credential revoked, their free-text topics and end notes removed.</param>
/// <param name="PinsAndForbidsDropped">Pinned or forbidden pairs naming the person, removed from the policy.</param>
/// <param name="RunsRedacted">Stored runs whose records named the person, now naming a pseudonym instead.</param>
internal sealed record ErasureReceipt(long CohortId, DateTimeOffset ErasedAt, int PairsEnded, int PinsAndForbidsDropped, int RunsRedacted);

/// <summary>
/// Removes a person's personal data from a cohort in one transaction. Their id becomes a random pseudonym
/// everywhere (people, reporting lines, policy, runs, pairs); name, grade, department, availability and
/// attribute values are blanked. What stays is anonymous: their role (for counts), their place in the org chart
/// (others' reporting lines run through it), and their pairs' sessions as dates, minutes and topic codes. Sealed
/// values (attributes, run results) are opened in memory to be blanked or redacted, and sealed again.
/// </summary>
internal sealed partial class ErasureStore(Db db, PersonalData personalData, AuditTrail audit, ILogger<ErasureStore> logger)
{
    /// <summary>The receipt, or null when the cohort has no such (not yet erased) person.</summary>
    public async Task<ErasureReceipt?> EraseAsync(long cohortId, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var attributesJson = await connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT attributes_json FROM people WHERE cohort_id = @cohortId AND person_id = @personId AND erased_at IS NULL",
                new { cohortId, personId },
                transaction);
            if (attributesJson is null)
            {
                return null;
            }

            var pseudonym = "erased-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var at = DbText.Write(now);
            var blankAttributes = personalData.Seal(PersonalDataKind.Attributes, JsonSerializer.Serialize(
                (JsonSerializer.Deserialize<Dictionary<string, string>>(personalData.Open(PersonalDataKind.Attributes, attributesJson)) ?? [])
                .ToDictionary(a => a.Key, _ => "")));
            var ids = new { cohortId, personId, pseudonym, at, erased = EndReasons.Erased };
            await connection.ExecuteAsync(
                """
                UPDATE people SET person_id = @pseudonym, name = '', grade = NULL, department = '', availability = '', capacity = 0,
                                  attributes_json = @blankAttributes, erased_at = @at
                WHERE cohort_id = @cohortId AND person_id = @personId
                """,
                new { cohortId, personId, pseudonym, at, blankAttributes },
                transaction);
            await connection.ExecuteAsync(
                "UPDATE people SET manager_id = @pseudonym WHERE cohort_id = @cohortId AND manager_id = @personId", ids, transaction);

            var policy = (await CohortStore.PolicyAsync(connection, transaction, cohortId))!;
            bool Names(PersonPair pair) => pair.MenteeId == personId || pair.MentorId == personId;
            var dropped = policy.PinnedPairs.Count(Names) + policy.ForbiddenPairs.Count(Names);
            await connection.ExecuteAsync(
                "UPDATE cohorts SET policy_json = @policy, updated_at = @at WHERE id = @cohortId",
                new
                {
                    cohortId,
                    at,
                    policy = PolicyJson.ToJson(policy with
                    {
                        PinnedPairs = policy.PinnedPairs.Where(p => !Names(p)).ToArray(),
                        ForbiddenPairs = policy.ForbiddenPairs.Where(p => !Names(p)).ToArray(),
                    }),
                },
                transaction);

            var redaction = new IdRedaction(personId, pseudonym);
            var runs = await connection.QueryAsync<(long Id, string ResultJson)>(
                "SELECT id, result_json FROM runs WHERE cohort_id = @cohortId", new { cohortId }, transaction);
            var redacted = 0;
            foreach (var (runId, stored) in runs)
            {
                if (redaction.Apply(personalData.Open(PersonalDataKind.RunResult, stored)) is { } rewritten)
                {
                    await connection.ExecuteAsync(
                        "UPDATE runs SET result_json = @rewritten WHERE id = @runId",
                        new { runId, rewritten = personalData.Seal(PersonalDataKind.RunResult, rewritten) },
                        transaction);
                    redacted++;
                }
            }

            var ended = await connection.ExecuteAsync(
                """
                UPDATE pairs SET mentee_id = CASE WHEN mentee_id = @personId THEN @pseudonym ELSE mentee_id END,
                                 mentor_id = CASE WHEN mentor_id = @personId THEN @pseudonym ELSE mentor_id END,
                                 credential_hash = NULL, ended_at = coalesce(ended_at, @at), end_reason = coalesce(end_reason, @erased),
                                 end_note = NULL, locked = 0
                WHERE cohort_id = @cohortId AND (mentee_id = @personId OR mentor_id = @personId)
                """,
                ids,
                transaction);
            await connection.ExecuteAsync(
                """
                UPDATE sessions SET other_topic = NULL
                WHERE pair_id IN (SELECT id FROM pairs WHERE cohort_id = @cohortId AND (mentee_id = @pseudonym OR mentor_id = @pseudonym))
                """,
                ids,
                transaction);

            // The trail keeps what was done, but to the pseudonym: the entry of the erasure itself names only it.
            await connection.ExecuteAsync(
                "UPDATE audit SET subject_id = @pseudonym WHERE cohort_id = @cohortId AND subject_id = @personId", ids, transaction);
            await audit.AppendAsync(connection, transaction, AuditActions.Erased, cohortId, pseudonym, "", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogErased(cohortId, ended, redacted);
            return new ErasureReceipt(cohortId, now, ended, dropped, redacted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased a person's data in cohort {CohortId}: {PairsEnded} pairs ended, {RunsRedacted} runs redacted")]
    private partial void LogErased(long cohortId, int pairsEnded, int runsRedacted);
}
