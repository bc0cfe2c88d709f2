namespace Mentoring.Matching;

/// <summary>
/// The checks that need the whole roster: unique ids, managers that exist, no reporting cycles,
/// and values a participant must carry. Shared by the CSV reader and rosters built in code.
/// </summary>
internal static class RosterChecks
{
    /// <param name="roster">The people to check.</param>
    /// <param name="locate">Names where person <c>i</c>'s <c>field</c> is: a file line or an object path.</param>
    /// <param name="managers">
    /// One cell a person, filled in by the time the errors are all read: the manager's index, or -1 at
    /// the top and for a manager who is nobody or themselves.
    /// </param>
    public static IEnumerable<InputError> Find(Roster roster, Func<int, string, InputError> locate, int[] managers)
    {
        var people = roster.People;
        var indexById = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (string.IsNullOrWhiteSpace(person.Id))
            {
                yield return locate(i, "id") with { Message = "the id is empty" };
                continue;
            }

            if (!indexById.TryAdd(person.Id, i))
            {
                yield return locate(i, "id") with { Message = $"duplicate id '{person.Id}' (first used by {Where(locate, indexById[person.Id])})" };
            }

            if (person.Role != ParticipantRole.None && person.Grade is null)
            {
                yield return locate(i, "grade") with { Message = $"a {RoleName(person.Role)} needs an integer grade" };
            }

            if (person.Grade is { } grade && Math.Abs((long)grade) > MatchingPolicy.MaxGrade)
            {
                yield return locate(i, "grade") with { Message = $"grade {grade} is outside -{MatchingPolicy.MaxGrade} to {MatchingPolicy.MaxGrade}" };
            }

            if (person.Capacity < 0)
            {
                yield return locate(i, "capacity") with { Message = $"capacity {person.Capacity} is negative" };
            }

            if (person.ManagerId is { } managerId && managerId == person.Id)
            {
                yield return locate(i, "manager_id") with { Message = $"'{person.Id}' is their own manager" };
            }
        }

        for (var i = 0; i < people.Count; i++)
        {
            managers[i] = -1;
            if (people[i].ManagerId is not { } managerId)
            {
                continue;
            }

            if (!indexById.TryGetValue(managerId, out var manager))
            {
                yield return locate(i, "manager_id") with { Message = $"manager '{managerId}' is nobody in the file" };
            }
            else if (manager != i)
            {
                managers[i] = manager;
            }
        }

        foreach (var cycle in FindCycles(managers))
        {
            var path = string.Join(" → ", cycle.Select(i => people[i].Id).Append(people[cycle[0]].Id));
            yield return locate(cycle[0], "manager_id") with { Message = $"the reporting chain loops: {path}" };
        }
    }

    internal static string RoleName(ParticipantRole role) => role switch
    {
        ParticipantRole.Mentee => "mentee",
        ParticipantRole.Mentor => "mentor",
        _ => "non-participant",
    };

    private static string Where(Func<int, string, InputError> locate, int index)
    {
        var first = locate(index, "id");
        return first.Row is { } row ? $"line {row}" : first.Field ?? $"person {index}";
    }

    /// <summary>Each reporting cycle once, as the people on it in chain order.</summary>
    private static List<int[]> FindCycles(int[] managers)
    {
        const byte Unvisited = 0, OnPath = 1, Done = 2;
        var state = new byte[managers.Length];
        var cycles = new List<int[]>();
        var path = new List<int>();
        for (var start = 0; start < managers.Length; start++)
        {
            path.Clear();
            var current = start;
            while (current >= 0 && state[current] == Unvisited)
            {
                state[current] = OnPath;
                path.Add(current);
                current = managers[current];
            }

            if (current >= 0 && state[current] == OnPath)
            {
                cycles.Add(path.Skip(path.IndexOf(current)).ToArray());
            }

            foreach (var visited in path)
            {
                state[visited] = Done;
            }
        }

        return cycles;
    }
}
