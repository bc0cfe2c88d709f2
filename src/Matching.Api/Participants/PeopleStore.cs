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
        var rows = roster.People.Select(p => new StoredPerson(
                p.Id,
                personalData.Seal(PersonalDataKind.Name, p.Name),
                RoleText(p.Role),
                p.Grade,
                personalData.Seal(PersonalDataKind.Department, p.Department),
                p.ManagerId,
                p.Capacity,
                string.Join(';', p.Availability),
                personalData.Seal(
                    PersonalDataKind.Attributes,
                    JsonSerializer.Serialize(roster.AttributeColumns.ToDictionary(c => c, c => p.Attributes.GetValueOrDefault(c, ""))))))
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
            await InsertAsync(connection, transaction, cohortId, rows, cancellationToken);
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

    /// <summary>
    /// Inserts the rows through one prepared command whose parameter values change per row: at 300,000 people,
    /// Dapper's list form, which rebuilds the parameters for each row, took about half of the transaction.
    /// </summary>
    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, long cohortId, StoredPerson[] rows, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO people (cohort_id, position, person_id, name, role, grade, department, manager_id, capacity, availability, attributes_json)
            VALUES ($cohortId, $position, $id, $name, $role, $grade, $department, $managerId, $capacity, $availability, $attributes)
            """;
        insert.Parameters.AddWithValue("$cohortId", cohortId);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var role = insert.Parameters.Add("$role", SqliteType.Text);
        var grade = insert.Parameters.Add("$grade", SqliteType.Integer);
        var department = insert.Parameters.Add("$department", SqliteType.Text);
        var managerId = insert.Parameters.Add("$managerId", SqliteType.Text);
        var capacity = insert.Parameters.Add("$capacity", SqliteType.Integer);
        var availability = insert.Parameters.Add("$availability", SqliteType.Text);
        var attributes = insert.Parameters.Add("$attributes", SqliteType.Text);
        insert.Prepare();
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            position.Value = i;
            id.Value = row.Id;
            name.Value = row.Name;
            role.Value = row.Role;
            grade.Value = (object?)row.Grade ?? DBNull.Value;
            department.Value = row.Department;
            managerId.Value = (object?)row.ManagerId ?? DBNull.Value;
            capacity.Value = row.Capacity;
            availability.Value = row.Availability;
            attributes.Value = row.Attributes;

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
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

    /// <summary>A person as stored: personal data already sealed.</summary>
    private sealed record StoredPerson(
        string Id, string? Name, string Role, int? Grade, string? Department, string? ManagerId, int Capacity, string Availability, string? Attributes);
}
