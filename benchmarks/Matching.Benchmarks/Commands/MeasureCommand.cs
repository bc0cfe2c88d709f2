using System.Diagnostics;
using System.Globalization;

namespace Mentoring.Matching.Benchmarks.Commands;

/// <summary>
/// <c>measure --people F --policy F [--solver ortools]</c>: one CLI-equivalent run (load, solve, write CSV), timed phase by phase,
/// with the process's peak working set and the engine's run facts; <c>--solver ortools</c> runs each pricing round
/// through OR-Tools instead of the incremental solver.
/// </summary>
internal static class MeasureCommand
{
    public static int Run(CommandOptions options, TextWriter output)
    {
        var people = options.Text("people") ?? throw new ArgumentException("--people FILE is required");
        var policy = options.Text("policy") ?? throw new ArgumentException("--policy FILE is required");
        var solver = options.Text("solver") switch
        {
            null or "incremental" => FlowSolver.IncrementalShortestPaths,
            "ortools" => FlowSolver.OrToolsMinCostFlow,
            var other => throw new ArgumentException($"--solver is incremental or ortools, not '{other}'"),
        };
        var watch = Stopwatch.StartNew();
        var problem = MatchingProblem.Load(people, policy);
        var load = watch.Elapsed;
        var result = Matcher.Solve(problem, MatchingOptions.Default with { Solver = solver });
        var solve = watch.Elapsed - load;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        MatchingResultCsv.Write(result, writer);
        var total = watch.Elapsed;
        var facts = result.Facts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load_s={load.TotalSeconds:0.000} solve_s={solve.TotalSeconds:0.000} write_s={(total - load - solve).TotalSeconds:0.000} total_s={total.TotalSeconds:0.000} " +
            $"peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} " +
            $"people={facts.People} mentees={facts.Mentees} mentors={facts.Mentors} matched={result.Matched} total={result.Total} status={result.Status} " +
            $"candidate_pairs={facts.CandidatePairs} pricing_rounds={facts.PricingRounds} solves={facts.Solves} solver={facts.Solver}"));
        return 0;
    }
}
