using System.CommandLine;
using System.CommandLine.Invocation;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mentoring.Matching.Cli;

/// <summary>The command line over the library: read, solve, write; one readable line on any failure.</summary>
internal static class Cli
{
    /// <summary>Exit codes, documented in the README.</summary>
    internal const int Success = 0, UsageError = 2, InvalidInput = 3, Infeasible = 4, InternalError = 70;

    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the summary, progress and errors go.</param>
    /// <param name="interactive">True when a person watches standard error: progress is then shown unasked.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        var parsed = CliCommands.Parse(args, arguments => Execute(arguments, stdout, stderr, interactive));
        if (parsed.Action is ParseErrorAction)
        {
            // One line, in the tool's words; System.CommandLine's own report adds colour and the whole help.
            WriteError(stderr, $"{parsed.Errors[0].Message} (see --help)");
            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static int Execute(CliArguments arguments, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var problem = MatchingProblem.Load(arguments.People, arguments.Policy);
            return arguments.ValidateOnly
                ? Validate(problem, stdout)
                : Match(problem, arguments, interactive, watch, stdout, stderr);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var code = ExitCodeFor(e);
            // A fault of the engine itself is still one readable line, never a stack trace.
            WriteError(stderr, code == InternalError ? $"internal error: {e.Message}" : e.Message);
            return code;
        }
    }

    /// <summary>
    /// What a failure past parsing means: bad input, a file that cannot be read or written, or else a fault of
    /// the engine. Paths and values were checked by the parser, so an argument the engine rejects is its own fault.
    /// </summary>
    internal static int ExitCodeFor(Exception failure) => failure switch
    {
        InvalidInputException => InvalidInput,
        IOException or UnauthorizedAccessException => UsageError,
        _ => InternalError,
    };

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
    private static void WriteResult(ResultFormat format, MatchingResult result, Roster roster, Stream output)
    {
        if (format == ResultFormat.Json)
        {
            MatchingResultJson.Write(result, output);
            output.WriteByte((byte)'\n');
            return;
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        if (format == ResultFormat.Table)
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
