using System.Globalization;
using System.Text.Json;
using Dapper;
using Mentoring.Matching.Api.Audit;
using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Protection;
using Mentoring.Matching.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Mentoring.Matching.Api.Participants;

/// <summary>
/// A cohort's people in SQLite, and the roster the engine reads back from them. Names, departments and attribute
/// values are sealed (see <see cref="PersonalData"/>) and opened only in memory; ids, roles, grades, reporting lines,
/// capacity and availability stay in clear for joins and counts.
/// </summary>
internal sealed class PeopleStore(Db db, PersonalData personalData, AuditTrail audit)
{
    private const string SelectPeople = """
        SELECT person_id, name, role, grade, department, manager_id, capacity, availability, attributes_json, erased_at, withdrawn_at
        FROM people WHERE cohort_id = @cohortId ORDER BY position
        """;

    /// <summary>Replaces a draft cohort's people with the roster, all or nothing.</summary>
    public async Task<CohortState> ReplaceAsync(long cohortId, Roster roster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Sealed before the write lock is taken: encryption is the costly part of storing a large upload.
        var rows = roster.People.Select((p, i) => new
            {
                cohortId,
                Position = i,
                p.Id,
                Name = personalData.Seal(PersonalDataKind.Name, p.Name),
                Role = RoleText(p.Role),
                p.Grade,
                Department = personalData.Seal(PersonalDataKind.Department, p.Department),
                p.ManagerId,
                p.Capacity,
                Availability = string.Join(';', p.Availability),
                Attributes = personalData.Seal(
                    PersonalDataKind.Attributes,
                    JsonSerializer.Serialize(roster.AttributeColumns.ToDictionary(c => c, c => p.Attributes.GetValueOrDefault(c, "")))),
            })
            .ToArray();
        var (connection, transaction) = await db.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var state = await CohortGate.StateAsync(connection, transaction, cohortId);
            if (state != CohortState.Draft)
            {
                return state;
            }

            await connection.ExecuteAsync("DELETE FROM people WHERE cohort_id = @cohortId", new { cohortId }, transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO people (cohort_id, position, person_id, name, role, grade, department, manager_id, capacity, availability, attributes_json)
                VALUES (@cohortId, @Position, @Id, @Name, @Role, @Grade, @Department, @ManagerId, @Capacity, @Availability, @Attributes)
                """,
                rows,
                transaction);
            await connection.ExecuteAsync(
                "UPDATE cohorts SET attribute_columns_json = @columns, updated_at = @at WHERE id = @cohortId",
                new { cohortId, columns = JsonSerializer.Serialize(roster.AttributeColumns), at = DbText.Write(now) },
                transaction);
            await audit.AppendAsync(
                connection, transaction, AuditActions.PeopleUploaded, cohortId, null,
                string.Create(CultureInfo.InvariantCulture, $"{rows.Length} people, {roster.AttributeColumns.Count} attribute columns"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return state;
        }
    }

    /// <summary>The cohort's people in upload order, or null when there is no such cohort.</summary>
    public async Task<IReadOnlyList<PersonView>?> ListAsync(long cohortId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await CohortGate.StateAsync(connection, null, cohortId) == CohortState.Missing)
        {
            return null;
        }

        var rows = await connection.QueryAsync<PersonRow>(SelectPeople, new { cohortId });
        return rows.Select(r => new PersonView(
                r.PersonId,
                personalData.Open(PersonalDataKind.Name, r.Name),
                r.Role,
                (int?)r.Grade,
                personalData.Open(PersonalDataKind.Department, r.Department),
                r.ManagerId,
                (int)r.Capacity,
                Slots(r.Availability),
                Attributes(personalData, r.AttributesJson),
                r.ErasedAt is not null,
                r.WithdrawnAt is not null))
            .ToArray();
    }

    /// <summary>
    /// The roster the engine sees. Erased and withdrawn people stay in the org chart (others' reporting lines run
    /// through them) but no longer take part.
    /// </summary>
    public static async Task<Roster> RosterAsync(SqliteConnection connection, SqliteTransaction? transaction, PersonalData personalData, long cohortId)
    {
        var columns = JsonSerializer.Deserialize<string[]>(await connection.ExecuteScalarAsync<string>(
            "SELECT attribute_columns_json FROM cohorts WHERE id = @cohortId", new { cohortId }, transaction) ?? "[]") ?? [];
        var rows = await connection.QueryAsync<PersonRow>(SelectPeople, new { cohortId }, transaction);
        var people = rows.Select(r =>
            {
                var name = personalData.Open(PersonalDataKind.Name, r.Name);
                var department = personalData.Open(PersonalDataKind.Department, r.Department);
                var attributes = Attributes(personalData, r.AttributesJson);
                return r.ErasedAt is null && r.WithdrawnAt is null
                    ? new Person(r.PersonId, name, ParseRole(r.Role), (int?)r.Grade, department, r.ManagerId, (int)r.Capacity, Slots(r.Availability), attributes)
                    : new Person(r.PersonId, name, ParticipantRole.None, null, department, r.ManagerId, 0, [], attributes);
            })
            .ToArray();
        return new Roster(people, columns);
    }

    public static string RoleText(ParticipantRole role) => role switch
    {
        ParticipantRole.Mentee => "mentee",
        ParticipantRole.Mentor => "mentor",
        _ => "none",
    };

    private static ParticipantRole ParseRole(string role) => role switch
    {
        "mentee" => ParticipantRole.Mentee,
        "mentor" => ParticipantRole.Mentor,
        _ => ParticipantRole.None,
    };

    private static string[] Slots(string availability) =>
        availability.Length == 0 ? [] : availability.Split(';');

    private static Dictionary<string, string> Attributes(PersonalData personalData, string stored) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(personalData.Open(PersonalDataKind.Attributes, stored)) ?? [], StringComparer.OrdinalIgnoreCase);

    private sealed class PersonRow
    {
        public string PersonId { get; init; } = "";

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public long? Grade { get; init; }

        public string Department { get; init; } = "";

        public string? ManagerId { get; init; }

        public long Capacity { get; init; }

        public string Availability { get; init; } = "";

        public string AttributesJson { get; init; } = "{}";

        public string? ErasedAt { get; init; }

        public string? WithdrawnAt { get; init; }
    }
}
