using System.Globalization;
using System.Text;

namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>A generated pool on disk: <c>people.csv</c> and <c>policy.json</c> in one folder, as the CLI reads them.</summary>
internal sealed record PoolFiles(string Folder)
{
    public string People => Path.Combine(Folder, "people.csv");

    public string Policy => Path.Combine(Folder, "policy.json");

    public static PoolFiles Write(SyntheticPopulation population, string policy, string folder)
    {
        ArgumentNullException.ThrowIfNull(population);
        var files = new PoolFiles(folder);
        Directory.CreateDirectory(folder);
        population.WriteCsv(files.People);
        File.WriteAllText(files.Policy, BenchmarkPolicies.Json(policy) + "\n", new UTF8Encoding(false));
        return files;
    }

    /// <summary>A pool in a fresh temporary folder, for benchmarks that read from disk.</summary>
    public static PoolFiles WriteTemporary(int mentees, int mentors, string policy, int seed) =>
        Write(
            PopulationGenerator.Generate(mentees, mentors, seed),
            policy,
            Directory.CreateTempSubdirectory(string.Create(CultureInfo.InvariantCulture, $"pool-{mentees}x{mentors}-{policy}-")).FullName);

    public void Delete() => Directory.Delete(Folder, recursive: true);
}
