using System.Text;

namespace Mentoring.Matching.Tests;

/// <summary>A generated roster and policy, reproducible from its family and seed.</summary>
internal sealed record RandomInstance(string Family, int Seed, Roster Roster, MatchingPolicy Policy)
{
    /// <summary>The whole instance as text, printed when a check fails so it can be turned into a fixed test.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Family} seed {Seed}\npolicy: {PolicyJson.ToJson(Policy)}\n");
        foreach (var p in Roster.People)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.Id} {p.Role} grade={p.Grade} dept='{p.Department}' manager={p.ManagerId} cap={p.Capacity} slots=[{string.Join(';', p.Availability)}] {string.Join(' ', p.Attributes.Select(a => $"{a.Key}='{a.Value}'"))}\n");
        }

        return text.ToString();
    }
}

/// <summary>
/// Seeded generators of small instances (System.Random with a fixed seed: nothing hidden, the same
/// seed always gives the same instance).
/// </summary>
internal static class RandomInstances
{
    private static readonly string[] Columns = ["gender", "ethnicity", "disability"];
    private static readonly string[] Values = ["x", "y", " X", "z", "Y ", "w", "v", "Z", "", "unknown", " Prefer not to say", "UNKNOWN "];
    private static readonly string[] SlotTokens = ["mon-am", "mon-pm", "tue-am", " Mon-AM", "wed-pm"];
    private static readonly string[] Departments = ["", "Finance", " finance", "Medicine", "  "];

    /// <summary>
    /// 1-6 mentees, 1-6 mentors with capacity 0-2, a few people only in the org chart, a random
    /// reporting forest, unknown values, case and space variants, and a random policy using every field.
    /// </summary>
    public static RandomInstance Small(int seed) => Mixed("small", seed, mentees: (1, 6), mentors: (1, 6), staff: 3);

    /// <summary>As <see cref="Small"/> with 7-12 mentees and 3-9 mentors: more competition, checked with the table search.</summary>
    public static RandomInstance Medium(int seed) => Mixed("medium", seed, mentees: (7, 12), mentors: (3, 9), staff: 5);

    private static RandomInstance Mixed(string family, int seed, (int Min, int Max) mentees, (int Min, int Max) mentors, int staff)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(mentees.Min, mentees.Max + 1);
        var mentorCount = random.Next(mentors.Min, mentors.Max + 1);
        var staffCount = random.Next(0, staff + 1);
        var roles = Enumerable.Repeat(ParticipantRole.Mentee, menteeCount)
            .Concat(Enumerable.Repeat(ParticipantRole.Mentor, mentorCount))
            .Concat(Enumerable.Repeat(ParticipantRole.None, staffCount))
            .OrderBy(_ => random.Next())
            .ToArray();

        // Ids in shuffled order, so the output's ordering by id is not the roster's order.
        var ids = Enumerable.Range(0, roles.Length).Select(i => $"p{i:00}").OrderBy(_ => random.Next()).ToArray();
        var people = new List<Person>();
        for (var i = 0; i < roles.Length; i++)
        {
            // A manager from earlier in the list keeps the chart acyclic; chains several levels deep arise often.
            var manager = i > 0 && random.NextDouble() < 0.6 ? ids[random.Next(i)] : null;
            var attributes = Columns.ToDictionary(c => c, _ => Pick(random, Values), StringComparer.OrdinalIgnoreCase);
            var slots = SlotTokens.Where(_ => random.NextDouble() < 0.6).ToArray();
            people.Add(new Person(
                ids[i],
                $"Person {i}",
                roles[i],
                roles[i] switch { ParticipantRole.Mentee => random.Next(3, 9), ParticipantRole.Mentor => random.Next(1, 6), _ => random.NextDouble() < 0.5 ? null : random.Next(1, 9) },
                Pick(random, Departments),
                manager,
                roles[i] == ParticipantRole.Mentor ? Pick(random, [0, 1, 1, 2, 2]) : 0,
                slots,
                attributes));
        }

        var menteeIds = people.Where(p => p.Role == ParticipantRole.Mentee).Select(p => p.Id).ToArray();
        var mentorIds = people.Where(p => p.Role == ParticipantRole.Mentor).Select(p => p.Id).ToArray();
        var dimensions = Columns.Where(_ => random.NextDouble() < 0.8).DefaultIfEmpty(Columns[random.Next(Columns.Length)])
            .ToDictionary(c => random.NextDouble() < 0.2 ? c.ToUpperInvariant() : c, _ => random.Next(0, 4), StringComparer.Ordinal);
        var pinnedMentees = menteeIds.Where(_ => random.NextDouble() < 0.12).ToArray();
        var policy = new MatchingPolicy
        {
            Dimensions = dimensions,
            MinDifferences = Pick(random, [0, 0, 1, 1, 2]),
            RequireDifferent = Columns.Where(_ => random.NextDouble() < 0.07).ToArray(),
            MinSharedSlots = Pick(random, [0, 1, 1, 2]),
            SharedSlotWeight = random.Next(0, 3),
            MinGradeGap = random.Next(-1, 3),
            LineManagement = (LineManagementRule)random.Next(0, 3),
            ForbidSameDepartment = random.NextDouble() < 0.25,
            ForbiddenPairs = Enumerable.Range(0, random.Next(0, 3)).Select(_ => new PersonPair(Pick(random, menteeIds), Pick(random, mentorIds))).ToArray(),
            Objective = random.NextDouble() < 0.4 ? MatchingObjective.Fairness : MatchingObjective.Total,
        };
        var roster = new Roster(people, Columns);

        // Most pins name a pair the contract allows (so pins meet the optimisation); the rest test Infeasible.
        var rules = new ReferenceMatcher(roster, policy);
        var pins = pinnedMentees.Select(m =>
        {
            var allowed = rules.Mentors.Where(t => t.Capacity > 0 && rules.Feasible(rules.Person(m), t)).Select(t => t.Id).ToArray();
            return new PersonPair(m, allowed.Length > 0 && random.NextDouble() < 0.7 ? Pick(random, allowed) : Pick(random, mentorIds));
        });
        return new RandomInstance(family, seed, roster, policy with { PinnedPairs = pins.ToArray() });
    }

    private static readonly string[] SetColumnNames = ["topics", "campus"];
    private static readonly string[] SetValues = ["racism;disability", " Racism ", "disability; faith", "faith;CLASS;racism", "class", "unknown;faith", "", "prefer not to say", "north", "North;south", " ; south", "racism;racism"];
    private static readonly string[] MentorDepartments = ["", "Finance", " finance", "Medicine", "Law", "  "];
    private static readonly string[] ForbiddenReasons = ["paired in the 2025 cohort", "asked not to be paired", "conflict of interest"];

    /// <summary>
    /// Contract v2 on top of the small v1 mix: 2-6 mentees, 1-5 mentors with capacity 0-2, set-valued
    /// columns (topics, campus) scored by <c>similarities</c> and required by <c>requireSame</c>, current
    /// pairs (some breaking a rule now, some naming someone no longer taking part), forbidden pairs with
    /// reasons, pins, and in about half the seeds the cohort rules <c>minCoverage</c> and
    /// <c>maxPairsPerMentorDepartment</c>, often tight enough to bind or to leave no assignment.
    /// </summary>
    public static RandomInstance ContractV2(int seed)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(2, 7);
        var mentorCount = random.Next(1, 6);
        var staffCount = random.Next(0, 3);
        var roles = Enumerable.Repeat(ParticipantRole.Mentee, menteeCount)
            .Concat(Enumerable.Repeat(ParticipantRole.Mentor, mentorCount))
            .Concat(Enumerable.Repeat(ParticipantRole.None, staffCount))
            .OrderBy(_ => random.Next())
            .ToArray();
        var ids = Enumerable.Range(0, roles.Length).Select(i => $"p{i:00}").OrderBy(_ => random.Next()).ToArray();
        string[] columns = [.. Columns, .. SetColumnNames];
        var people = new List<Person>();
        for (var i = 0; i < roles.Length; i++)
        {
            var manager = i > 0 && random.NextDouble() < 0.5 ? ids[random.Next(i)] : null;
            var attributes = Columns.ToDictionary(c => c, _ => Pick(random, Values), StringComparer.OrdinalIgnoreCase);
            foreach (var column in SetColumnNames)
            {
                attributes[column] = Pick(random, SetValues);
            }

            people.Add(new Person(
                ids[i],
                $"Person {i}",
                roles[i],
                roles[i] switch { ParticipantRole.Mentee => random.Next(3, 9), ParticipantRole.Mentor => random.Next(1, 6), _ => random.NextDouble() < 0.5 ? null : random.Next(1, 9) },
                roles[i] == ParticipantRole.Mentor ? Pick(random, MentorDepartments) : Pick(random, Departments),
                manager,
                roles[i] == ParticipantRole.Mentor ? Pick(random, [0, 1, 1, 2, 2]) : 0,
                SlotTokens.Where(_ => random.NextDouble() < 0.6).ToArray(),
                attributes));
        }

        var mentees = people.Where(p => p.Role == ParticipantRole.Mentee).Select(p => p.Id).ToArray();
        var mentors = people.Where(p => p.Role == ParticipantRole.Mentor).Select(p => p.Id).ToArray();
        var staff = people.Where(p => p.Role == ParticipantRole.None).Select(p => p.Id).ToArray();
        var dimensions = Columns.Where(_ => random.NextDouble() < 0.8).DefaultIfEmpty(Columns[random.Next(Columns.Length)])
            .ToDictionary(c => random.NextDouble() < 0.2 ? c.ToUpperInvariant() : c, _ => random.Next(0, 4), StringComparer.Ordinal);
        var policy = new MatchingPolicy
        {
            Dimensions = dimensions,
            Similarities = SetColumnNames.Where(_ => random.NextDouble() < 0.6).ToDictionary(c => c, _ => random.Next(0, 4), StringComparer.Ordinal),
            // Mostly the set columns; now and then a dimension column, which requireSame reads as a set of one.
            RequireSame = [.. SetColumnNames.Where(_ => random.NextDouble() < 0.12), .. Columns.Where(_ => random.NextDouble() < 0.03)],
            MinDifferences = Pick(random, [0, 0, 1, 1, 2]),
            RequireDifferent = Columns.Where(_ => random.NextDouble() < 0.07).ToArray(),
            MinSharedSlots = Pick(random, [0, 1, 1, 2]),
            SharedSlotWeight = random.Next(0, 3),
            MinGradeGap = random.Next(-1, 3),
            LineManagement = (LineManagementRule)random.Next(0, 3),
            ForbidSameDepartment = random.NextDouble() < 0.2,
            ForbiddenPairs = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => new PersonPair(Pick(random, mentees), Pick(random, mentors)) { Reason = random.NextDouble() < 0.6 ? Pick(random, ForbiddenReasons) : null })
                .ToArray(),
            Objective = random.NextDouble() < 0.4 ? MatchingObjective.Fairness : MatchingObjective.Total,
        };
        var roster = new Roster(people, columns);
        var rules = new ReferenceMatcher(roster, policy);
        string[] FeasibleMentors(string mentee) => rules.Mentors.Where(t => t.Capacity > 0 && rules.Feasible(rules.Person(mentee), t)).Select(t => t.Id).ToArray();

        // Current pairs: mostly a pair the rules allow now, else any mentor (often breaking a rule), or
        // someone whose role is now empty (no longer taking part) on either side.
        var current = new List<PersonPair>();
        foreach (var mentee in mentees.Where(_ => random.NextDouble() < 0.5))
        {
            var allowed = FeasibleMentors(mentee);
            var mentor = staff.Length > 0 && random.NextDouble() < 0.1 ? Pick(random, staff)
                : allowed.Length > 0 && random.NextDouble() < 0.7 ? Pick(random, allowed)
                : Pick(random, mentors);
            current.Add(new PersonPair(mentee, mentor));
        }

        if (staff.Length > 0 && random.NextDouble() < 0.2)
        {
            current.Add(new PersonPair(Pick(random, staff), Pick(random, mentors)));
        }

        // Pins: mostly a pair the rules allow; now and then any mentor, which tests Infeasible.
        var pins = mentees.Where(_ => random.NextDouble() < 0.12)
            .Select(m => (Mentee: m, Allowed: FeasibleMentors(m), Any: random.NextDouble() < 0.15))
            .Where(p => p.Allowed.Length > 0 || p.Any)
            .Select(p => new PersonPair(p.Mentee, p.Allowed.Length > 0 && !p.Any ? Pick(random, p.Allowed) : Pick(random, mentors)))
            .ToArray();

        // Cohort rules in about half the seeds, with minimums and limits near what small cohorts reach.
        var coverage = new Dictionary<string, int>(StringComparer.Ordinal);
        if (random.NextDouble() < 0.4)
        {
            foreach (var dimension in dimensions.Keys.Where(_ => random.NextDouble() < 0.4))
            {
                coverage[dimension] = Pick(random, [0, 1, 2, 2, 3]);
            }
        }

        int? perDepartment = random.NextDouble() < 0.3 ? Pick(random, [0, 1, 1, 1, 2]) : null;
        policy = policy with
        {
            CurrentPairs = [.. current.OrderBy(_ => random.Next())],
            PinnedPairs = pins,
            MinCoverage = coverage,
            MaxPairsPerMentorDepartment = perDepartment,
        };
        return new RandomInstance("contract-v2", seed, roster, policy);
    }

    /// <summary>
    /// More than 12 mentees, each with more than 12 feasible mentors, most of whom want the same
    /// few "popular" mentors (or, in some seeds, all scores tie): the first candidates of each mentee
    /// cannot hold the optimum, so the engine's pricing must bring in pairs from outside them.
    /// With twelve mentees or fewer that never happens: a mentee's best twelve always include one the
    /// other (at most eleven) mentees leave free, so swapping to it loses nothing.
    /// </summary>
    public static RandomInstance Crowded(int seed)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(13, 16);
        var mentorCount = random.Next(18, 27);
        var tied = random.NextDouble() < 0.25;
        // Twelve popular mentors with room for one each: every mentee's first twelve candidates, too few for all.
        const int popular = 12;
        var people = new List<Person> { new("boss", "Boss", ParticipantRole.None, null, "", null, 0, [], new Dictionary<string, string>()) };
        for (var i = 0; i < menteeCount; i++)
        {
            people.Add(new Person(
                $"e{i:00}", $"Mentee {i}", ParticipantRole.Mentee, random.Next(5, 8), "", random.NextDouble() < 0.5 ? "boss" : null, 0,
                ["mon-am", .. SlotTokens.Where(_ => random.NextDouble() < 0.3)],
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["gender"] = "a", ["ethnicity"] = Pick(random, Values) }));
        }

        for (var j = 0; j < mentorCount; j++)
        {
            var gender = tied ? "b" : j < popular ? "b" : Pick(random, ["a", "unknown"]);
            people.Add(new Person(
                $"m{j:00}", $"Mentor {j}", ParticipantRole.Mentor, random.Next(1, 4), "", random.NextDouble() < 0.5 ? "boss" : null,
                j < popular || random.NextDouble() < 0.8 ? 1 : random.Next(0, 3),
                ["mon-am", .. tied ? [] : SlotTokens.Where(_ => random.NextDouble() < 0.3)],
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["gender"] = gender, ["ethnicity"] = tied ? "" : Pick(random, Values) }));
        }

        var mentees = people.Where(p => p.Role == ParticipantRole.Mentee).Select(p => p.Id).ToArray();
        var mentors = people.Where(p => p.Role == ParticipantRole.Mentor).Select(p => p.Id).ToArray();
        var policy = new MatchingPolicy
        {
            // Gender outweighs every other part of a score (ethnicity ≤ 2, at most four shared slots), so the popular always score highest.
            Dimensions = new Dictionary<string, int> { ["gender"] = random.Next(7, 9), ["ethnicity"] = tied ? 0 : random.Next(0, 3) },
            MinDifferences = 0,
            SharedSlotWeight = tied ? 0 : random.Next(0, 2),
            LineManagement = (LineManagementRule)random.Next(0, 3),
            ForbiddenPairs = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new PersonPair(Pick(random, mentees), Pick(random, mentors))).ToArray(),
            PinnedPairs = random.NextDouble() < 0.2 ? [new PersonPair(mentees[0], mentors[^1])] : [],
            Objective = random.NextDouble() < 0.4 ? MatchingObjective.Fairness : MatchingObjective.Total,
        };
        return new RandomInstance("crowded", seed, new Roster(people, ["gender", "ethnicity"]), policy);
    }

    /// <summary>
    /// Pools of hundreds, too big for brute force, where most mentees want the same scarce mentors (a
    /// rare gender outweighs everything else): the first candidates are far from the optimum, so
    /// pricing runs several rounds and many mentors' prices move between them.
    /// </summary>
    public static RandomInstance Contested(int seed)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(150, 260);
        var mentorCount = random.Next(menteeCount / 2, menteeCount * 2);
        var people = new List<Person>();
        string? Manager() => people.Count > 0 && random.NextDouble() < 0.7 ? people[random.Next(people.Count)].Id : null;
        string[] Slots() => ["mon-am", .. SlotTokens.Where(_ => random.NextDouble() < 0.5)];
        for (var i = 0; i < 20; i++)
        {
            people.Add(new Person($"s{i:000}", $"Staff {i}", ParticipantRole.None, null, Pick(random, Departments), Manager(), 0, [], new Dictionary<string, string>()));
        }

        for (var i = 0; i < menteeCount + mentorCount; i++)
        {
            var mentee = i < menteeCount;
            var gender = mentee ? Pick(random, ["a", "a", "a", "b", ""]) : Pick(random, ["b", "a", "a", "a", "a", "a", "a", "unknown", "c", "a"]);
            people.Add(new Person(
                mentee ? $"e{i:000}" : $"m{i:000}", $"Person {i}", mentee ? ParticipantRole.Mentee : ParticipantRole.Mentor,
                mentee ? random.Next(5, 9) : random.Next(1, 5), Pick(random, Departments), Manager(),
                mentee ? 0 : Pick(random, [0, 1, 1, 1, 2]), Slots(),
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["gender"] = gender, ["ethnicity"] = Pick(random, ["p", "p", "p", "q", "r", "s", ""]) }));
        }

        var policy = new MatchingPolicy
        {
            Dimensions = new Dictionary<string, int> { ["gender"] = random.Next(5, 9), ["ethnicity"] = random.Next(1, 4) },
            MinDifferences = random.Next(0, 2),
            MinSharedSlots = random.Next(0, 2),
            SharedSlotWeight = random.Next(0, 3),
            MinGradeGap = random.Next(0, 3),
            LineManagement = (LineManagementRule)random.Next(0, 3),
            ForbidSameDepartment = random.NextDouble() < 0.2,
        };
        return new RandomInstance("contested", seed, new Roster(people, ["gender", "ethnicity"]), policy);
    }

    private static readonly string[] ManySlots = [.. new[] { "mon", "tue", "wed", "thu", "fri" }.SelectMany(day => new[] { "early", "am", "pm", "late" }.Select(part => $"{day}-{part}"))];

    /// <summary>
    /// Pools of hundreds where most mentees have no feasible mentor: 1-3 of twenty slots, deep reporting chains
    /// (everyone's manager drawn from the people before them), departments, grade gaps, mentors with no room left,
    /// and dozens of forbidden pairs with reasons, so each mentee's last rule standing depends on rules of every kind.
    /// </summary>
    public static RandomInstance Scarce(int seed)
    {
        var random = new Random(seed);
        var menteeCount = random.Next(40, 90);
        // Half the pools have a handful of mentors, so that early rules (capacity, forbidden pairs, grade, reporting line) can remove the last one.
        var mentorCount = random.NextDouble() < 0.5 ? random.Next(2, 10) : random.Next(80, 220);
        var people = new List<Person>();
        string? Manager() => people.Count > 0 && random.NextDouble() < 0.85 ? people[random.Next(Math.Max(0, people.Count - 30), people.Count)].Id : null;
        string[] Slots() => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, ManySlots)).Distinct()];
        for (var i = 0; i < menteeCount + mentorCount; i++)
        {
            var mentee = random.Next(menteeCount + mentorCount - i) < menteeCount - people.Count(p => p.Role == ParticipantRole.Mentee);
            people.Add(new Person(
                $"p{i:000}", $"Person {i}", mentee ? ParticipantRole.Mentee : ParticipantRole.Mentor,
                mentee ? random.Next(4, 9) : random.Next(1, 7), Pick(random, MentorDepartments), Manager(),
                mentee ? 0 : Pick(random, [0, 0, 1, 1, 2]), Slots(),
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["gender"] = Pick(random, ["a", "b", "a", ""]), ["ethnicity"] = Pick(random, ["p", "q", "r", "unknown"]) }));
        }

        var mentees = people.Where(p => p.Role == ParticipantRole.Mentee).Select(p => p.Id).ToArray();
        var mentors = people.Where(p => p.Role == ParticipantRole.Mentor).Select(p => p.Id).ToArray();
        var policy = new MatchingPolicy
        {
            Dimensions = new Dictionary<string, int> { ["gender"] = random.Next(0, 3), ["ethnicity"] = random.Next(0, 3) },
            MinDifferences = random.Next(0, 3),
            RequireDifferent = random.NextDouble() < 0.3 ? ["ethnicity"] : [],
            MinSharedSlots = random.Next(0, 3),
            MinGradeGap = random.Next(0, 7),
            LineManagement = (LineManagementRule)random.Next(0, 3),
            ForbidSameDepartment = random.NextDouble() < 0.5,
            ForbiddenPairs = [.. Enumerable.Range(0, random.Next(0, 3 * menteeCount))
                .Select(_ => new PersonPair(Pick(random, mentees), Pick(random, mentors)) { Reason = random.NextDouble() < 0.7 ? Pick(random, ForbiddenReasons) : null })],
        };
        return new RandomInstance("scarce", seed, new Roster(people, ["gender", "ethnicity"]), policy);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
