using System.Diagnostics;
using System.Globalization;
using Mentoring.Matching.Benchmarks.Population;

namespace Mentoring.Matching.Benchmarks.Commands;

/// <summary>
/// <c>generate --mentees N --mentors M --policy default|strict|fairness --shape mix|dense|sparse|skewed|capacity|tall --seed S --out FOLDER</c>.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(CommandOptions options, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var population = PopulationGenerator.Generate(
            options.Number("mentees", 2000),
            options.Number("mentors", 6000),
            options.Number("seed", 1),
            PopulationShape.Get(options.Text("shape", PopulationShape.Mix.Name)));
        var files = PoolFiles.Write(population, options.Text("policy", "default"), options.Text("out") ?? throw new ArgumentException("--out FOLDER is required"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {files.People} ({population.Count} people: {population.Mentees} mentees, {population.Mentors} mentors) and {files.Policy} in {watch.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }
}
