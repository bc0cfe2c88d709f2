using System.Diagnostics;
using System.Globalization;
using Mentoring.Matching.Benchmarks.Anchors;

namespace Mentoring.Matching.Benchmarks.Commands;

/// <summary>
/// <c>pairs --people F --policy F --out FILE.json</c>: every feasible pair with its score, for the
/// anchors (SciPy, OR-Tools used directly) that need them all, as a user of those tools would have to.
/// Pinned pairs are ignored: the generated pools have none.
/// </summary>
internal static class PairsCommand
{
    public static int Run(CommandOptions options, TextWriter output)
    {
        var people = options.Text("people") ?? throw new ArgumentException("--people FILE is required");
        var policy = options.Text("policy") ?? throw new ArgumentException("--policy FILE is required");
        var sidecar = options.Text("out") ?? throw new ArgumentException("--out FILE.json is required");
        var watch = Stopwatch.StartNew();
        var problem = MatchingProblem.Load(people, policy);
        var load = watch.Elapsed;
        var file = PairsFile.Write(problem, sidecar);
        var scan = watch.Elapsed - load;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load_s={load.TotalSeconds:0.000} scan_write_s={scan.TotalSeconds:0.000} mentees={file.Mentees} mentors={file.Mentors} pairs={file.Pairs} " +
            $"bytes={new FileInfo(file.PairsPath).Length} peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0}"));
        return 0;
    }
}
