namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>
/// The shape of the synthetic workforce: grades, departments, names and attribute mixes loosely after the
/// published staff figures (context/004), and the same shape as the project's example instances.
/// </summary>
internal static class WorkforceMix
{
    public static readonly string[] Slots =
        ["mon-am", "mon-pm", "tue-am", "tue-pm", "wed-am", "wed-pm", "thu-am", "thu-pm", "fri-am", "fri-pm"];

    public static readonly string[] Departments =
    [
        "Medicine", "Engineering", "Natural Sciences", "Business School", "Professional Services",
        "Computing", "Life Sciences", "Public Health", "Mathematics", "Estates",
    ];

    public static readonly WeightedChoice Department = new(16, 14, 14, 10, 14, 8, 8, 6, 5, 5);

    /// <summary>The executive office the department heads report to; not a faculty.</summary>
    public const string ExecutiveOffice = "Provost's Office";

    /// <summary>Mentees are senior (grades 6-10), mentors junior (1-5); fewer people the higher the grade.</summary>
    public static readonly WeightedChoice MenteeGrade = new(35, 25, 18, 13, 9);

    public const int LowestMenteeGrade = 6;

    public static readonly WeightedChoice MentorGrade = new(35, 28, 20, 11, 6);

    public const int LowestMentorGrade = 1;

    /// <summary>Staff who do not take part, grades 1-10.</summary>
    public static readonly WeightedChoice StaffGrade = new(30, 22, 15, 10, 8, 6, 4, 3, 1.5, 0.5);

    public const int TopGrade = 10;

    /// <summary>Staff who do not take part, as a share of the participants (managers are added on top).</summary>
    public const double StaffShare = 0.10;

    /// <summary>The most direct reports a manager has on average; more managers are added to keep to it.</summary>
    public const int SpanOfControl = 6;

    /// <summary>Mentor capacity: 1 mostly, ~15% take two, ~3% none this cohort.</summary>
    public static readonly int[] CapacityValues = [1, 2, 0];

    public static readonly WeightedChoice Capacity = new(82, 15, 3);

    public const int FewestSlots = 2;

    /// <summary>How many of the ten slots a person offers, 2 to 6, fewer more often (about 70% of pairs then share one).</summary>
    public static readonly WeightedChoice SlotCount = new(30, 25, 20, 15, 10);

    /// <summary>The first value of each attribute mix is its majority (White, Female, No, No).</summary>
    public const byte MajorityChoice = 0;

    public static readonly string[] AttributeColumns = ["ethnicity", "gender", "disability", "lgbtq", "age_band"];

    public static readonly string[] Ethnicity = ["White", "Asian", "Black", "Mixed", "Other", "", "Prefer not to say"];

    public static readonly WeightedChoice EthnicityMix = new(65, 15, 8, 5, 3, 2, 2);

    public static readonly string[] Gender = ["Female", "Male", "Non-binary", "Prefer not to say"];

    public static readonly WeightedChoice GenderMix = new(47, 47, 2, 4);

    public static readonly string[] YesNo = ["No", "Yes", "Prefer not to say"];

    public static readonly WeightedChoice DisabilityMix = new(84, 10, 6);

    public static readonly WeightedChoice LgbtqMix = new(86, 8, 6);

    public static readonly string[] AgeBand = ["<30", "30-39", "40-49", "50+"];

    /// <summary>Age follows seniority: junior grades are younger.</summary>
    public static WeightedChoice AgeMix(int grade) => grade switch
    {
        <= 3 => JuniorAge,
        <= 6 => MiddleAge,
        _ => SeniorAge,
    };

    private static readonly WeightedChoice JuniorAge = new(45, 35, 13, 7);
    private static readonly WeightedChoice MiddleAge = new(20, 40, 25, 15);
    private static readonly WeightedChoice SeniorAge = new(5, 25, 35, 35);

    public static readonly string[] FirstNames =
    [
        "Amara", "Ines", "Tomás", "Nikita", "Farid", "Hiro", "Sam", "Dev", "Kofi", "Quinn", "Ewa", "Lena",
        "Ben", "Priya", "Zoë", "Wen", "Vik", "Jamal", "Oluwaseun", "Chloé", "Uma", "Rosa", "Grace", "Mei",
    ];

    /// <summary>Includes an apostrophe and non-ASCII letters so names exercise the CSV reader.</summary>
    public static readonly string[] Surnames =
    [
        "Kowalski", "García", "Chen", "Rahman", "Nguyễn", "Ahmed", "Smith", "Jones", "Hughes", "Patel",
        "Mensah", "Silva", "Okafor", "Kamara", "Müller", "O'Brien",
    ];

    /// <summary>Share of names with a ", Jr" suffix, which needs quoting in CSV.</summary>
    public const double SuffixShare = 0.03;
}
