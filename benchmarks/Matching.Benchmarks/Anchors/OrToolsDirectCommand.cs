using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Graph;
using Mentoring.Matching.Benchmarks.Commands;

namespace Mentoring.Matching.Benchmarks.Anchors;

/// <summary>
/// <c>ortools-direct --pairs FILE.json</c>: the anchor a .NET user would write without our engine.
/// One OR-Tools min-cost flow with every feasible pair as an arc (mentee → mentor, capacity 1, cost
/// -score), each mentor → sink with its capacity, solved by maximum flow with minimum cost, which is
/// "most matched, then highest total".
/// </summary>
internal static class OrToolsDirectCommand
{
    public static int Run(CommandOptions options, TextWriter output)
    {
        var file = PairsFile.Read(options.Text("pairs") ?? throw new ArgumentException("--pairs FILE.json is required"));
        var watch = Stopwatch.StartNew();
        var capacities = file.ReadCapacities();
        var sink = file.Mentees + file.Mentors;
        if (file.Pairs + file.Mentors > int.MaxValue)
        {
            throw new InvalidOperationException("OR-Tools' .NET MinCostFlow takes an int arc count; this problem has more arcs.");
        }

        using var flow = new MinCostFlow(sink + 1, (int)file.Pairs + file.Mentors);
        for (var mentee = 0; mentee < file.Mentees; mentee++)
        {
            flow.SetNodeSupply(mentee, 1);
        }

        flow.SetNodeSupply(sink, -file.Mentees);
        file.ForEachBlock(triples =>
        {
            for (var t = 0; t < triples.Length; t += 3)
            {
                flow.AddArcWithCapacityAndUnitCost(triples[t], file.Mentees + triples[t + 1], 1, -triples[t + 2]);
            }
        });
        for (var mentor = 0; mentor < file.Mentors; mentor++)
        {
            flow.AddArcWithCapacityAndUnitCost(file.Mentees + mentor, sink, capacities[mentor], 0);
        }

        var build = watch.Elapsed;
        var status = flow.SolveMaxFlowWithMinCost();
        var solve = watch.Elapsed - build;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build_s={build.TotalSeconds:0.000} solve_s={solve.TotalSeconds:0.000} status={status} arcs={flow.NumArcs()} " +
            $"matched={flow.MaximumFlow()} total={-flow.OptimalCost()} " +
            $"peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0}"));
        return status == MinCostFlowBase.Status.OPTIMAL ? 0 : 1;
    }
}
