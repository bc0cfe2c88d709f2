using System.Text.Json;
using CommandLine = Mentoring.Matching.Cli.Cli;

namespace Mentoring.Matching.Tests;

/// <summary>The command line in process: exit codes, the three formats, one-line errors, --out.</summary>
public sealed class CliTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    private static string People => TestFiles.Example("small-default", "people.csv");

    private static string Policy => TestFiles.Example("small-default", "policy.json");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_prints_usage_and_exits_zero(string argument)
    {
        var (code, stdout, stderr) = Run(argument);

        Assert.Equal(0, code);
        Assert.Contains("usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("--people", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Theory]
    [InlineData]
    [InlineData("match")]
    public void Csv_output_has_one_row_per_mentee_ordered_by_id_with_reasons_for_the_unmatched(params string[] command)
    {
        var (code, stdout, stderr) = Run([.. command, "--people", People, "--policy", Policy]);

        Assert.Equal(0, code);
        var rows = TestFiles.ReadCsvRows(stdout);
        var header = rows[0];
        Assert.Equal(["mentee_id", "mentor_id", "score"], header.Take(3));
        var reason = Array.IndexOf(header, "reason");
        Assert.True(reason >= 0, "the CSV has no reason column");
        var body = rows.Skip(1).ToArray();
        var mentees = PeopleCsv.Read(People).People.Where(p => p.Role == ParticipantRole.Mentee).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(mentees, body.Select(r => r[0]));
        Assert.All(body, r => Assert.Equal(header.Length, r.Length));

        var matched = body.Where(r => r[1].Length > 0).ToArray();
        Assert.Equal(9, matched.Length);
        Assert.Equal(82, matched.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(body.Where(r => r[1].Length == 0), r => Assert.False(string.IsNullOrWhiteSpace(r[reason])));
        Assert.All(matched, r => Assert.Empty(r[reason]));

        var summary = Assert.Single(Lines(stderr));
        Assert.StartsWith("matched 9 of 12 mentees, total 82, status Optimal", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_the_whole_result()
    {
        var (code, stdout, _) = Run("--people", People, "--policy", Policy, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("Optimal", root.GetProperty("status").GetString());
        Assert.Equal(9, root.GetProperty("matched").GetInt32());
        Assert.Equal(82, root.GetProperty("total").GetInt64());
        Assert.Equal(9, root.GetProperty("pairs").GetArrayLength());
        Assert.Equal(3, root.GetProperty("unmatched").GetArrayLength());
        var pair = root.GetProperty("pairs")[0];
        Assert.Equal(pair.GetProperty("score").GetInt32(), pair.GetProperty("dimensionScore").GetInt32() + pair.GetProperty("slotScore").GetInt32());
        Assert.All(root.GetProperty("unmatched").EnumerateArray(), u => Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("explanation").GetString())));
    }

    [Fact]
    public void Table_output_is_readable_text_with_a_summary()
    {
        var (code, stdout, _) = Run("--people", People, "--policy", Policy, "--format", "TABLE");

        Assert.Equal(0, code);
        Assert.StartsWith("Mentee", stdout, StringComparison.Ordinal);
        Assert.Contains("Unmatched:", stdout, StringComparison.Ordinal);
        Assert.Contains("Optimal: 9 of 12 mentees matched, total score 82", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_result_to_a_file_instead_of_stdout()
    {
        var path = Path.Combine(_folder.Path, "pairs.csv");

        var (code, stdout, stderr) = Run("--people", People, "--policy", Policy, "--out", path);
        var (_, direct, _) = Run("--people", People, "--policy", Policy);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Single(Lines(stderr));
        Assert.Equal(direct, File.ReadAllText(path));
    }

    [Fact]
    public void Validate_checks_the_input_without_matching()
    {
        var (code, stdout, _) = Run("validate", "--people", People, "--policy", Policy);

        var people = PeopleCsv.Read(People).People;
        Assert.Equal(0, code);
        Assert.Equal($"valid: {people.Count} people, 12 mentees, 40 mentors\n", stdout);
    }

    [Theory]
    [InlineData("people", "id,role,grade,manager_id,availability,gender\ne1,mentee,five,,mon-am,f\n", "people.csv line 2")]
    [InlineData("people", "id,role,grade,manager_id,availability,gender\ne1,\"mentee,5,,mon-am,f\n", "people.csv line 2")]
    [InlineData("policy", "{ \"dimensions\": { \"gender\": 1 }, \"objective\": \"best\" }", "objective")]
    [InlineData("policy", "{ \"dimensions\": { \"religion\": 1 } }", "religion")]
    [InlineData("policy", "this is not json", "policy.json")]
    [InlineData("policy", "{ \"dimensions\": { \"gender\": 2000000000, \"ethnicity\": 2000000000 } }", "dimensions")]
    [InlineData("policy", "{ \"dimensions\": { \"gender\": 1 }, \"pinnedPairs\": [[\"m1\", \"e1\"]] }", "pinnedPairs[0]")]
    public void Bad_input_exits_3_with_one_error_line_and_no_stack_trace(string broken, string text, string named)
    {
        var people = _folder.Write("people.csv", broken == "people" ? text : "id,role,grade,manager_id,availability,gender,ethnicity\ne1,mentee,5,,mon-am,f,a\nm1,mentor,1,,mon-am,m,b\n");
        var policy = _folder.Write("policy.json", broken == "policy" ? text : "{ \"dimensions\": { \"gender\": 1 } }");

        var (code, stdout, stderr) = Run("--people", people, "--policy", policy);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_quoted_value_in_an_error_still_gives_one_stderr_line()
    {
        var people = _folder.Write("people.csv", "id,role,grade,manager_id,availability,gender\ne1,\"men\ntee\",5,,mon-am,f\n");
        var policy = _folder.Write("policy.json", "{ \"dimensions\": { \"gender\": 1 } }");

        var (code, _, stderr) = Run("--people", people, "--policy", policy);

        Assert.Equal(3, code);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("error: people.csv line 2", line, StringComparison.Ordinal);
        Assert.Contains("men\\ntee", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2_with_one_error_line()
    {
        var (code, stdout, stderr) = Run("--people", Path.Combine(_folder.Path, "nope.csv"), "--policy", Policy);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_a_file_exits_2_with_one_error_line()
    {
        var (code, _, stderr) = Run("--people", _folder.Path, "--policy", Policy);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_file_in_a_missing_folder_exits_2_with_one_error_line()
    {
        var (code, stdout, stderr) = Run("--people", People, "--policy", Policy, "--out", Path.Combine(_folder.Path, "missing", "pairs.csv"));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--people", "x.csv")]
    [InlineData("--people", "x.csv", "--policy")]
    [InlineData("--people", "x.csv", "--policy", "y.json", "--format", "xml")]
    [InlineData("--people", "x.csv", "--policy", "y.json", "--colour", "red")]
    [InlineData("--people", "x.csv", "--policy", "y.json", "--time-limit", "-1")]
    public void A_bad_command_line_exits_2_with_one_error_line(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
    }

    [Fact]
    public void Pins_that_cannot_hold_exit_4_naming_the_pin()
    {
        var people = _folder.Write("people.csv", "id,role,grade,manager_id,availability,gender\ne1,mentee,5,,mon-am,f\ne2,mentee,5,,mon-am,f\nm1,mentor,1,,mon-am,m\n");
        var policy = _folder.Write("policy.json", "{ \"dimensions\": { \"gender\": 1 }, \"pinnedPairs\": [[\"e1\", \"m1\"], [\"e2\", \"m1\"]] }");

        var (code, stdout, stderr) = Run("--people", people, "--policy", policy);

        Assert.Equal(4, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("pinnedPairs[1]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_reports_rounds_on_stderr_only()
    {
        var (code, stdout, stderr) = Run("--people", People, "--policy", Policy, "--progress");

        Assert.Equal(0, code);
        Assert.Contains("round 1:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("round", stdout, StringComparison.Ordinal);
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
