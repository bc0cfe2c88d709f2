namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>
/// Builds a synthetic cohort inside a full org chart: the mentees and mentors asked for, staff who do not take
/// part, and enough managers (department heads, an executive and a provost at the top) that everyone has a line
/// manager one grade up in their department. The same seed gives the same population, row for row.
/// </summary>
internal static class PopulationGenerator
{
    private const int ExecutiveCount = 3;

    /// <summary>Today's mix (<see cref="PopulationShape.Mix"/>).</summary>
    public static SyntheticPopulation Generate(int mentees, int mentors, int seed) => Generate(mentees, mentors, seed, PopulationShape.Mix);

    public static SyntheticPopulation Generate(int mentees, int mentors, int seed, PopulationShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegative(mentees);
        ArgumentOutOfRangeException.ThrowIfNegative(mentors);
        var random = new Random(seed);
        var staff = (int)Math.Round(WorkforceMix.StaffShare * (mentees + mentors));
        var people = new List<PersonDraft>(mentees + mentors + staff + ((mentees + mentors) / shape.SpanOfControl));
        for (var i = 0; i < mentees; i++)
        {
            people.Add(Draw(random, shape, ParticipantRole.Mentee, WorkforceMix.LowestMenteeGrade + WorkforceMix.MenteeGrade.Next(random)));
        }

        for (var i = 0; i < mentors; i++)
        {
            people.Add(Draw(random, shape, ParticipantRole.Mentor, WorkforceMix.LowestMentorGrade + WorkforceMix.MentorGrade.Next(random)));
        }

        for (var i = 0; i < staff; i++)
        {
            people.Add(Draw(random, shape, ParticipantRole.None, 1 + WorkforceMix.StaffGrade.Next(random)));
        }

        var managers = BuildOrgChart(people, random, shape);
        var order = Enumerable.Range(0, people.Count).ToArray();
        random.Shuffle(order);
        return new SyntheticPopulation([.. people], managers, order, shape);
    }

    /// <summary>Adds the managers the chart needs and returns each person's manager (index, or -1 at the top).</summary>
    private static int[] BuildOrgChart(List<PersonDraft> people, Random random, PopulationShape shape)
    {
        var departments = shape.Departments.Length;
        var executiveOffice = (byte)departments;
        var heads = new int[departments];
        for (var d = 0; d < departments; d++)
        {
            heads[d] = people.Count;
            people.Add(Draw(random, shape, ParticipantRole.None, WorkforceMix.TopGrade, (byte)d));
        }

        var counts = new int[departments, WorkforceMix.TopGrade + 1];
        foreach (var person in people)
        {
            counts[person.Department, person.Grade]++;
        }

        // Bottom up, so managers added at one grade get managers of their own at the next.
        for (var d = 0; d < departments; d++)
        {
            for (var grade = 1; grade < WorkforceMix.TopGrade; grade++)
            {
                var needed = (counts[d, grade] + shape.SpanOfControl - 1) / shape.SpanOfControl;
                for (; counts[d, grade + 1] < needed; counts[d, grade + 1]++)
                {
                    people.Add(Draw(random, shape, ParticipantRole.None, grade + 1, (byte)d));
                }
            }
        }

        var provost = people.Count;
        people.Add(Draw(random, shape, ParticipantRole.None, WorkforceMix.TopGrade, executiveOffice));
        var executives = new int[ExecutiveCount];
        for (var e = 0; e < ExecutiveCount; e++)
        {
            executives[e] = people.Count;
            people.Add(Draw(random, shape, ParticipantRole.None, WorkforceMix.TopGrade, executiveOffice));
        }

        var byGrade = new List<int>[departments, WorkforceMix.TopGrade + 1];
        for (var i = 0; i < provost; i++)
        {
            (byGrade[people[i].Department, people[i].Grade] ??= []).Add(i);
        }

        var managers = new int[people.Count];
        managers[provost] = -1;
        foreach (var executive in executives)
        {
            managers[executive] = provost;
        }

        for (var d = 0; d < departments; d++)
        {
            managers[heads[d]] = executives[d % ExecutiveCount];
        }

        for (var i = 0; i < provost; i++)
        {
            var person = people[i];
            if (i == heads[person.Department])
            {
                continue;
            }

            managers[i] = person.Grade == WorkforceMix.TopGrade
                ? heads[person.Department]
                : Pick(byGrade[person.Department, person.Grade + 1], random);
        }

        return managers;
    }

    private static int Pick(List<int> candidates, Random random) => candidates[random.Next(candidates.Count)];

    private static PersonDraft Draw(Random random, PopulationShape shape, ParticipantRole role, int grade, byte? department = null)
    {
        var capacity = role == ParticipantRole.Mentor ? shape.CapacityValues[shape.Capacity.Next(random)] : 0;
        var departmentDrawn = department ?? (byte)shape.Department.Next(random);
        var slots = DrawSlots(random, shape);
        // Today's mix draws no extra number, so its pools stay byte for byte what they were.
        var alike = shape.AlikeShare > 0 && random.NextDouble() < shape.AlikeShare;
        return new PersonDraft(
            Role: role,
            Grade: (byte)grade,
            Department: departmentDrawn,
            Capacity: (byte)capacity,
            Slots: slots,
            Ethnicity: alike ? WorkforceMix.MajorityChoice : (byte)WorkforceMix.EthnicityMix.Next(random),
            Gender: alike ? WorkforceMix.MajorityChoice : (byte)WorkforceMix.GenderMix.Next(random),
            Disability: alike ? WorkforceMix.MajorityChoice : (byte)WorkforceMix.DisabilityMix.Next(random),
            Lgbtq: alike ? WorkforceMix.MajorityChoice : (byte)WorkforceMix.LgbtqMix.Next(random),
            AgeBand: (byte)WorkforceMix.AgeMix(grade).Next(random),
            FirstName: (byte)random.Next(WorkforceMix.FirstNames.Length),
            Surname: (byte)random.Next(WorkforceMix.Surnames.Length),
            Suffix: random.NextDouble() < WorkforceMix.SuffixShare);
    }

    /// <summary>Distinct slots, as many as the shape draws, as a bit mask over <see cref="PopulationShape.Slots"/>.</summary>
    private static uint DrawSlots(Random random, PopulationShape shape)
    {
        var wanted = shape.FewestSlots + shape.SlotCount.Next(random);
        var mask = 0u;
        for (var chosen = 0; chosen < wanted;)
        {
            var bit = 1u << random.Next(shape.Slots.Length);
            if ((mask & bit) == 0)
            {
                mask |= bit;
                chosen++;
            }
        }

        return mask;
    }
}
