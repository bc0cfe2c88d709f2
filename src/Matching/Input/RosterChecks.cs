namespace Mentoring.Matching;

/// <summary>
/// The checks that need the whole roster: unique ids, managers that exist, no reporting cycles,
/// values a participant must carry, and the sizes of <see cref="PeopleLimits"/>. Shared by the CSV reader and
/// rosters built in code. Every value an error echoes is shortened, so a huge value cannot make a huge error.
/// </summary>
internal static class RosterChecks
{
    /// <summary>The most people of a reporting loop an error names; a longer loop is cut short with its length.</summary>
    private const int ChainShown = 10;

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
            foreach (var error in SizeErrors(person, i, locate))
            {
                yield return error;
            }

            if (string.IsNullOrWhiteSpace(person.Id))
            {
                yield return locate(i, "id") with { Message = "the id is empty" };
                continue;
            }

            if (!indexById.TryAdd(person.Id, i))
            {
                yield return locate(i, "id") with { Message = $"duplicate id {Text.Quote(person.Id)} (first used by {Where(locate, indexById[person.Id])})" };
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
                yield return locate(i, "manager_id") with { Message = $"{Text.Quote(person.Id)} is their own manager" };
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
                yield return locate(i, "manager_id") with { Message = $"manager {Text.Quote(managerId)} is nobody in the file" };
            }
            else if (manager != i)
            {
                managers[i] = manager;
            }
        }

        foreach (var cycle in FindCycles(managers))
        {
            yield return locate(cycle[0], "manager_id") with { Message = $"the reporting chain loops: {ChainText(cycle, people)}" };
        }
    }

    /// <summary>The values of one person over the limits of <see cref="PeopleLimits"/>, each named by its field.</summary>
    private static IEnumerable<InputError> SizeErrors(Person person, int index, Func<int, string, InputError> locate)
    {
        foreach (var (field, value, most) in new[]
        {
            ("id", person.Id, PeopleLimits.MaxIdLength),
            ("name", person.Name, PeopleLimits.MaxNameLength),
            ("department", person.Department, PeopleLimits.MaxDepartmentLength),
            ("manager_id", person.ManagerId ?? string.Empty, PeopleLimits.MaxIdLength),
        })
        {
            if (value?.Length > most)
            {
                yield return locate(index, field) with { Message = TooLong(value, most) };
            }
        }

        if (person.Availability.Count > PeopleLimits.MaxSlots)
        {
            yield return locate(index, "availability") with { Message = $"{person.Availability.Count} slots; at most {PeopleLimits.MaxSlots} are allowed" };
        }
        else if (person.Availability.FirstOrDefault(slot => slot.Length > PeopleLimits.MaxSlotLength) is { } slot)
        {
            yield return locate(index, "availability") with { Message = $"slot {TooLong(slot, PeopleLimits.MaxSlotLength)}" };
        }

        foreach (var (column, value) in person.Attributes)
        {
            if (value.Length > PeopleLimits.MaxAttributeValueLength)
            {
                yield return locate(index, column) with { Message = TooLong(value, PeopleLimits.MaxAttributeValueLength) };
            }
        }
    }

    private static string TooLong(string value, int most) => $"{Text.Quote(value)} is longer than {most} characters";

    private static string ChainText(int[] cycle, IReadOnlyList<Person> people)
    {
        var shown = cycle.Take(ChainShown).Select(i => Text.Shorten(people[i].Id));
        return cycle.Length <= ChainShown
            ? string.Join(" → ", shown.Append(Text.Shorten(people[cycle[0]].Id)))
            : $"{string.Join(" → ", shown)} → … ({cycle.Length} people)";
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
