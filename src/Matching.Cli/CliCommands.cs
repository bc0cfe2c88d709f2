using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Mentoring.Matching.Cli;

/// <summary>
/// The command line's grammar on System.CommandLine: <c>match</c> (also what runs with no command) and
/// <c>validate</c>, their options and the checks on their values. A command line that fails a check is
/// left as errors in the parse result, for the caller to report in its own words.
/// </summary>
internal static class CliCommands
{
    private static readonly string[] FormatNames = [.. Enum.GetNames<ResultFormat>().Select(name => name.ToLowerInvariant())];

    /// <summary>Longer values are cut when quoted back, so an error stays one readable line.</summary>
    private const int QuotedValueLength = 20;

    /// <summary>The word that may name the default command: <c>match match …</c> is <c>match …</c>.</summary>
    private const string MatchCommand = "match";

    /// <summary>Parses a command line; invoking the result runs <paramref name="run"/> when the line is well formed.</summary>
    public static ParseResult Parse(string[] args, Func<CliArguments, int> run) =>
        // The root command is the tool itself, matching; a command named like it would clash with it in the parser.
        Create(run).Parse(args is [MatchCommand, .. var rest] ? rest : args);

    private static RootCommand Create(Func<CliArguments, int> run)
    {
        var people = InputFile("--people", "the roster: every person in the org chart (contract's people.csv)");
        var policy = InputFile("--policy", "the scheme's rules and weights (contract's policy.json)");
        var format = new Option<ResultFormat>("--format")
        {
            Description = "csv (default): one row per mentee; json: the whole result; table: for reading",
            HelpName = string.Join('|', FormatNames),
            CustomParser = ParseFormat,
            DefaultValueFactory = _ => ResultFormat.Csv,
        };
        format.CompletionSources.Clear();
        format.CompletionSources.Add(FormatNames);
        var output = new Option<FileInfo>("--out")
        {
            Description = "write the result to FILE instead of standard output",
            HelpName = "FILE",
        };
        output.AcceptLegalFilePathsOnly();
        var timeLimit = new Option<TimeSpan?>("--time-limit")
        {
            Description = "stop proving optimality after SECONDS; the answer is then marked Feasible with a bound",
            HelpName = "SECONDS",
            CustomParser = ParseTimeLimit,
        };
        var alternatives = new Option<int>("--alternatives")
        {
            Description = $"for each matched mentee, the N best other mentors (0 to {MatchingOptions.MaxAlternatives}), each with the cohort's optimum with that pair pinned",
            HelpName = "N",
            CustomParser = ParseAlternatives,
        };
        var whatIf = new Option<bool>("--what-if") { Description = "each one-step relaxation of the policy with its optimum" };
        var progress = new Option<bool>("--progress") { Description = "report pricing rounds on standard error (on by default on a terminal)" };

        CliArguments Match(ParseResult parsed) => new(
            ValidateOnly: false,
            Path(parsed, people),
            Path(parsed, policy),
            parsed.GetValue(format),
            parsed.GetValue(output)?.ToString(),
            parsed.GetValue(timeLimit),
            parsed.GetValue(progress),
            parsed.GetValue(alternatives),
            parsed.GetValue(whatIf));

        var validate = new Command("validate", "check the roster and policy without matching") { people, policy };
        var root = new RootCommand("match: pairs mentees with mentors, exactly, as the matching contract says.") { validate };
        foreach (var option in new Option[] { people, policy, format, output, timeLimit, alternatives, whatIf, progress })
        {
            root.Options.Add(option);
        }

        root.Options.OfType<VersionOption>().Single().Description = "print the version";
        root.SetAction(parsed => run(Match(parsed)));
        validate.SetAction(parsed => run(new CliArguments(ValidateOnly: true, Path(parsed, people), Path(parsed, policy))));
        CliHelpAction.Attach(root);
        return root;
    }

    private static Option<FileInfo> InputFile(string name, string description)
    {
        var option = new Option<FileInfo>(name) { Description = description, HelpName = "FILE", Required = true };
        option.AcceptExistingOnly();
        return option;
    }

    /// <summary>The path as given (not made absolute), so messages about it quote what was typed.</summary>
    private static string Path(ParseResult parsed, Option<FileInfo> option) => parsed.GetRequiredValue(option).ToString();

    private static ResultFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        foreach (var format in Enum.GetValues<ResultFormat>())
        {
            if (format.ToString().Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        result.AddError($"unknown format '{Quoted(value)}'; use {string.Join(", ", FormatNames[..^1])} or {FormatNames[^1]}");
        return default;
    }

    private static TimeSpan? ParseTimeLimit(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (!double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            result.AddError($"--time-limit takes a positive number of seconds, not '{Quoted(value)}'");
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int ParseAlternatives(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var alternatives) || alternatives > MatchingOptions.MaxAlternatives)
        {
            result.AddError($"--alternatives takes a whole number from 0 to {MatchingOptions.MaxAlternatives}, not '{Quoted(value)}'");
            return default;
        }

        return alternatives;
    }

    private static string Quoted(string value) => value.Length > QuotedValueLength ? value[..QuotedValueLength] + "…" : value;
}
