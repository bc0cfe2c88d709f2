namespace Mentoring.Matching.Api.Tests;

/// <summary>The inputs tests load: the repository's seeds cohort when present, the contract's examples, and tiny hand-made cohorts.</summary>
internal static class TestData
{
    /// <summary>
    /// A cohort small enough to reason about: two mentees, two mentors, everyone available on Monday morning,
    /// scored on gender only. The optimum pairs M1 with T1 and M2 with T2 (each pair differs on gender).
    /// </summary>
    public const string TinyPeople = """
        id,name,role,grade,department,manager_id,capacity,availability,gender
        M1,"Okafor, Ada",mentee,9,Medicine,,,mon-am,female
        M2,Ben Li,mentee,9,Physics,,,mon-am,male
        T1,Cal Roy,mentor,3,Chemistry,,1,mon-am;tue-pm,male
        T2,Dee Shah,mentor,3,History,,1,mon-am,female

        """;

    public const string TinyPolicy = """{ "dimensions": { "gender": 1 } }""";

    /// <summary>
    /// A cohort for withdrawals, worked by hand. Scores are 1 for differing on gender plus 1 per shared slot. The
    /// optimum pairs M1–T1 (2), M2–T2 (2) and M3–T3 (3: two shared slots); M1–T4 is forbidden. When T1 withdraws,
    /// keeping M3–T3 would leave M1 unmatched, so the re-match moves M3 to T4 and gives M1 T3: three matched, M2–T2
    /// kept, total 6.
    /// </summary>
    public const string RematchPeople = """
        id,name,role,grade,department,manager_id,capacity,availability,gender
        M1,"Okafor, Ada",mentee,9,Medicine,,,mon-am,female
        M2,Ben Li,mentee,9,Physics,,,mon-am,male
        M3,Cy Moss,mentee,9,Law,,,mon-am;tue-am,female
        T1,Cal Roy,mentor,3,Chemistry,,1,mon-am,male
        T2,Dee Shah,mentor,3,History,,1,mon-am,female
        T3,Eli Park,mentor,3,Music,,1,mon-am;tue-am,male
        T4,Fin Hale,mentor,3,Art,,1,mon-am,male

        """;

    public const string RematchPolicy = """{ "dimensions": { "gender": 1 }, "forbiddenPairs": [["M1", "T4"]] }""";

    /// <summary>The contract's small example (12 mentees, 40 mentors): its optimum matches 9 with a total of 82.</summary>
    public static string SmallPeople => File.ReadAllText(Path.Combine(ExamplesFolder, "small-default", "people.csv"));

    public static string SmallPolicy => File.ReadAllText(Path.Combine(ExamplesFolder, "small-default", "policy.json"));

    /// <summary>The seeds cohort: <c>seeds/</c> in the repository, or the small example until the seeds exist.</summary>
    public static (string People, string Policy) Seeds
    {
        get
        {
            var seeds = Path.Combine(RepositoryRoot, "seeds");
            return File.Exists(Path.Combine(seeds, "people.csv")) && File.Exists(Path.Combine(seeds, "policy.json"))
                ? (File.ReadAllText(Path.Combine(seeds, "people.csv")), File.ReadAllText(Path.Combine(seeds, "policy.json")))
                : (SmallPeople, SmallPolicy);
        }
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Mentoring.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("The tests run outside the repository: Mentoring.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The contract's examples: <c>shared/</c> is a sibling of the repository folder.</summary>
    private static string ExamplesFolder => Path.Combine(Directory.GetParent(RepositoryRoot)!.FullName, "shared", "data", "examples");
}
