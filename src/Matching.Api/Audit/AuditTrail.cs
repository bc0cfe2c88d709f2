using System.Security.Claims;
using Dapper;
using Mentoring.Matching.Api.Security;
using Mentoring.Matching.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Audit;

/// <summary>
/// Appends to the audit trail, inside the transaction of the change it records so neither is stored without the other.
/// The actor is read from the request being served. Callers pass ids and short fixed words only: never a name, a note
/// or an attribute value.
/// </summary>
internal sealed class AuditTrail(Db db, IHttpContextAccessor http, TimeProvider time)
{
    /// <summary>The actor of work done outside a signed-in request (start-up, or a sign-in that failed).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Appends an entry in <paramref name="transaction"/>.</summary>
    public async Task AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, string action, long? cohortId, string? subjectId, string detail, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit (at, actor, action, cohort_id, subject_id, detail) VALUES (@at, @actor, @action, @cohortId, @subjectId, @detail)",
            new { at = DbText.Write(time.GetUtcNow()), actor = ActorOf(http.HttpContext?.User), action, cohortId, subjectId, detail },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Appends an entry that goes with no stored change (a burst of failed sign-ins), in its own transaction.</summary>
    public async Task AppendAloneAsync(string action, string detail, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            await AppendAsync(connection, transaction, action, null, null, detail, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Who <paramref name="user"/> is in the trail: the bootstrap coordinator, a staff key by id, or nobody.</summary>
    public static string ActorOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(Access.ActorClaim)
        ?? (user?.IsInRole(Access.CoordinatorRole) == true ? Access.BootstrapActor : Anonymous);
}
