using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mentoring.Matching.Cli;

/// <summary>The command line over the library: read, solve, write; one readable line on any failure.</summary>
internal static class Cli
{
    /// <summary>Exit codes, documented in the README.</summary>
    internal const int Success = 0, UsageError = 2, InvalidInput = 3, Infeasible = 4, InternalError = 70;

    private const string Help = """
        match: pairs mentees with mentors, exactly, as the matching contract says.

        usage:
          match [match] --people people.csv --policy policy.json [--format csv|json|table] [--out FILE]
                        [--time-limit SECONDS] [--progress] [--alternatives N] [--what-if]
          match validate --people people.csv --policy policy.json
          match --help

        options:
          --people      the roster: every person in the org chart (contract's people.csv)
          --policy      the scheme's rules and weights (contract's policy.json)
          --format      csv (default): one row per mentee; json: the whole result; table: for reading
          --out         write the result to FILE instead of standard output
          --time-limit  stop proving optimality after SECONDS; the answer is then marked Feasible with a bound
          --alternatives  for each matched mentee, the N best other mentors (0 to 10), each with the cohort's optimum with that pair pinned
          --what-if     each one-step relaxation of the policy with its optimum
          --progress    report pricing rounds on standard error (on by default on a terminal)

        exit codes: 0 done; 2 bad command line or unreadable file; 3 invalid input; 4 pinned pairs cannot all hold;
        70 an internal error of the engine.
        A one-line summary (matched, total, status, time) goes to standard error.
        """;

    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the summary, progress and errors go.</param>
    /// <param name="interactive">True when a person watches standard error: progress is then shown unasked.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        var arguments = CliArguments.Parse(args, out var usageError);
        if (arguments is null)
        {
            WriteError(stderr, usageError);
            return UsageError;
        }

        if (arguments.Command == "help")
        {
            stdout.Write(Help);
            return Success;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var problem = MatchingProblem.Load(arguments.People!, arguments.Policy!);
            return arguments.Command == "validate"
                ? Validate(problem, stdout)
                : Match(problem, arguments, interactive, watch, stdout, stderr);
        }
        catch (InvalidInputException e)
        {
            WriteError(stderr, e.Message);
            return InvalidInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException
            or ArgumentException or NotSupportedException)
        {
            // Unreadable or unwritable paths, including empty or malformed ones.
            WriteError(stderr, e.Message);
            return UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of the engine itself: still one readable line, never a stack trace.
            WriteError(stderr, $"internal error: {e.Message}");
            return InternalError;
        }
    }

    /// <summary>Errors are one line: a value quoted from the input may hold line breaks, so they are shown escaped.</summary>
    private static void WriteError(TextWriter stderr, string? message) =>
        stderr.WriteLine("error: " + (message ?? string.Empty).ReplaceLineEndings("\\n"));

    private static int Validate(MatchingProblem problem, TextWriter stdout)
    {
        var people = problem.Roster.People;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"valid: {people.Count} people, {people.Count(p => p.Role == ParticipantRole.Mentee)} mentees, {people.Count(p => p.Role == ParticipantRole.Mentor)} mentors"));
        return Success;
    }

    private static int Match(MatchingProblem problem, CliArguments arguments, bool interactive, Stopwatch watch, TextWriter stdout, TextWriter stderr)
    {
        var options = new MatchingOptions
        {
            TimeLimit = arguments.TimeLimit,
            Alternatives = arguments.Alternatives,
            WhatIf = arguments.WhatIf,
            // Asked for: every round. On a terminal: only once a solve is long enough to wonder about.
            Progress = arguments.Progress ? new ProgressLine(stderr, watch, TimeSpan.Zero)
                : interactive ? new ProgressLine(stderr, watch, TimeSpan.FromSeconds(1))
                : null,
        };
        var result = Matcher.Solve(problem, options);
        if (result.Status == MatchStatus.Infeasible)
        {
            WriteError(stderr, $"infeasible: {result.InfeasibleReason}");
            return Infeasible;
        }

        if (arguments.Out is { } path)
        {
            // Streamed: at 10^5 mentees the JSON is tens of megabytes.
            using var file = File.Create(path);
            WriteResult(arguments.Format, result, problem.Roster, file);
        }
        else
        {
            using var buffer = new MemoryStream();
            WriteResult(arguments.Format, result, problem.Roster, buffer);
            stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        var bound = result.Bound is { } b ? $" (bound: matched ≤ {b.Matched}, total ≤ {b.Total})" : string.Empty;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matched {result.Matched} of {result.Facts.Mentees} mentees, total {result.Total}, status {result.Status}{bound}, {watch.Elapsed.TotalSeconds:0.00} s"));
        return Success;
    }

    /// <summary>The result in the chosen format (csv by default) as UTF-8, ending with a line break.</summary>
    private static void WriteResult(string? format, MatchingResult result, Roster roster, Stream output)
    {
        if (format == "json")
        {
            MatchingResultJson.Write(result, output);
            output.WriteByte((byte)'\n');
            return;
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        if (format == "table")
        {
            writer.Write(ResultTable.Render(result, roster));
        }
        else
        {
            MatchingResultCsv.Write(result, writer);
        }
    }

    /// <summary>Pricing rounds on standard error, as they happen (Progress&lt;T&gt; would post them late), once <c>after</c> has passed.</summary>
    private sealed class ProgressLine(TextWriter stderr, Stopwatch watch, TimeSpan after) : IProgress<MatchingProgress>
    {
        public void Report(MatchingProgress value)
        {
            if (watch.Elapsed >= after)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{watch.Elapsed.TotalSeconds:0.0} s, round {value.Round}: {value.Candidates} candidate pairs, {value.Violations} improving pairs found"));
            }
        }
    }
}
