using CommandLine = Mentoring.Matching.Cli.Cli;

namespace Mentoring.Matching.Tests;

/// <summary>The command line's grammar on System.CommandLine: its spellings, its checks, completion, and what a failure past parsing exits with.</summary>
public sealed class CommandLineParsingTests
{
    private static string People => TestFiles.Example("small-default", "people.csv");

    private static string Policy => TestFiles.Example("small-default", "policy.json");

    [Fact]
    public void An_option_may_be_given_as_name_equals_value()
    {
        var (code, joined, _) = Run("--people", People, "--policy", Policy, "--format=json");
        var (_, separate, _) = Run("--people", People, "--policy", Policy, "--format", "json");

        Assert.Equal(0, code);
        Assert.StartsWith("{", joined, StringComparison.Ordinal);
        Assert.Equal(separate, joined);
    }

    [Fact]
    public void Validate_takes_only_the_roster_and_the_policy()
    {
        var (code, stdout, stderr) = Run("validate", "--people", People, "--policy", Policy, "--format", "json");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("two")]
    public void Alternatives_outside_what_the_contract_allows_are_a_usage_error_naming_the_option(string count)
    {
        var (code, stdout, stderr) = Run("--people", People, "--policy", Policy, "--alternatives", count);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("error: --alternatives takes a whole number from 0 to 10", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_option_is_named()
    {
        var (code, _, stderr) = Run("--people", People);

        Assert.Equal(2, code);
        Assert.Contains("'--policy'", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_option_the_parser_takes()
    {
        var (code, stdout, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.All(
            ["--people <FILE>", "--policy <FILE>", "--format <csv|json|table>", "--out <FILE>", "--time-limit <SECONDS>", "--alternatives <N>", "--what-if", "--progress", "-h, --help"],
            option => Assert.Contains($"  {option} ", stdout, StringComparison.Ordinal));
        Assert.Contains("70 an internal error of the engine", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_offers_the_formats_as_they_are_typed()
    {
        const string typed = "match --format ";

        var (code, stdout, _) = Run($"[suggest:{typed.Length}]", typed);

        Assert.Equal(0, code);
        Assert.Equal(["csv", "json", "table"], Lines(stdout));
    }

    [Fact]
    public void Completion_offers_options_from_their_start()
    {
        const string typed = "match --al";

        var (_, stdout, _) = Run($"[suggest:{typed.Length}]", typed);

        Assert.Equal(["--alternatives"], Lines(stdout));
    }

    [Fact]
    public void Bad_input_exits_3_an_unreadable_file_2_and_anything_else_past_parsing_70()
    {
        Assert.Equal(3, CommandLine.ExitCodeFor(new InvalidInputException(new InputError("people", 2, "grade", "not a whole number"))));
        Assert.Equal(2, CommandLine.ExitCodeFor(new FileNotFoundException("people.csv")));
        Assert.Equal(2, CommandLine.ExitCodeFor(new DirectoryNotFoundException("out")));
        Assert.Equal(2, CommandLine.ExitCodeFor(new UnauthorizedAccessException("people.csv")));
        Assert.Equal(2, CommandLine.ExitCodeFor(new IOException("disk full")));
        // The parser has checked every path and value: an argument the engine rejects is the engine's fault.
        Assert.Equal(70, CommandLine.ExitCodeFor(new ArgumentException("bad argument")));
        Assert.Equal(70, CommandLine.ExitCodeFor(new ArgumentOutOfRangeException("options")));
        Assert.Equal(70, CommandLine.ExitCodeFor(new InvalidOperationException("broken invariant")));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
