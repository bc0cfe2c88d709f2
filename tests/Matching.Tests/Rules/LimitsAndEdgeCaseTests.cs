using static Mentoring.Matching.Tests.TestRosters;
using CommandLine = Mentoring.Matching.Cli.Cli;

namespace Mentoring.Matching.Tests;

/// <summary>Values at the edges of what the engine's arithmetic and the command line accept.</summary>
public sealed class LimitsAndEdgeCaseTests
{
    [Theory]
    [InlineData(1_000_001)]
    [InlineData(-1_000_001)]
    public void A_grade_beyond_a_million_is_refused_naming_it(int grade)
    {
        var error = Assert.Throws<InvalidInputException>(() => MatchingProblem.Create(Roster(Mentee("e", grade: grade), Mentor("m")), Open()));
        Assert.Contains(error.Errors, e => e.Field == "people[0].grade" && e.Message.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grade_gap_that_would_overflow_is_refused_naming_it()
    {
        var error = Assert.Throws<InvalidInputException>(() => MatchingProblem.Create(Roster(Mentee("e"), Mentor("m")), Open() with { MinGradeGap = int.MinValue }));
        Assert.Contains(error.Errors, e => e.Field == "minGradeGap");
    }

    [Fact]
    public void A_capacity_beyond_the_mentee_count_matches_everyone_it_can()
    {
        var roster = Roster(Mentee("e1", attributes: "gender=f"), Mentee("e2", attributes: "gender=f"), Mentor("m", attributes: "gender=m", capacity: int.MaxValue));

        var result = Solve(roster, Open() with { MinDifferences = 1 });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(2, result.Matched);
    }

    [Fact]
    public void Attribute_keys_of_a_roster_built_in_code_are_matched_case_insensitively()
    {
        var people = new[]
        {
            new Person("e", "e", ParticipantRole.Mentee, 5, "", null, 0, ["mon-am"], new Dictionary<string, string>(StringComparer.Ordinal) { ["Gender"] = "F" }),
            new Person("m", "m", ParticipantRole.Mentor, 1, "", null, 1, ["mon-am"], new Dictionary<string, string>(StringComparer.Ordinal) { ["GENDER"] = "m" }),
        };

        var result = Solve(new Roster(people, ["gender"]), Open("gender=2") with { MinDifferences = 1 });

        var pair = Assert.Single(result.Pairs);
        Assert.Equal(["gender"], pair.Explanation.Differences.Select(d => d.Dimension));
    }

    [Fact]
    public void A_dimension_listed_twice_in_different_case_is_refused()
    {
        var policy = Open() with { Dimensions = new Dictionary<string, int>(StringComparer.Ordinal) { ["gender"] = 1, ["Gender"] = 2 } };

        var error = Assert.Throws<InvalidInputException>(() => MatchingProblem.Create(Roster(Mentee("e"), Mentor("m")), policy));
        Assert.Contains(error.Errors, e => e.Message.Contains("listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void The_input_hash_sees_the_order_of_slots_because_explanations_do()
    {
        var first = MatchingProblem.Create(Roster(Mentee("e", slots: "mon-am;tue-am"), Mentor("m", slots: "mon-am;tue-am")), Open());
        var swapped = MatchingProblem.Create(Roster(Mentee("e", slots: "tue-am;mon-am"), Mentor("m", slots: "mon-am;tue-am")), Open());

        Assert.NotEqual(first.InputHash, swapped.InputHash);
        Assert.Equal(["mon-am", "tue-am"], Matcher.Solve(first).Pairs[0].Explanation.SharedSlots);
        Assert.Equal(["tue-am", "mon-am"], Matcher.Solve(swapped).Pairs[0].Explanation.SharedSlots);
    }

    [Theory]
    [InlineData("--time-limit", "NaN")]
    [InlineData("--time-limit", "Infinity")]
    [InlineData("--time-limit", "1e300")]
    [InlineData("--out", "")]
    public void Command_line_values_that_cannot_work_give_one_error_line(string option, string value)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var people = TestFiles.Example("small-default", "people.csv");
        var policy = TestFiles.Example("small-default", "policy.json");

        var code = CommandLine.Run(["--people", people, "--policy", policy, option, value], stdout, stderr);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_people_path_gives_one_error_line()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CommandLine.Run(["--people", "", "--policy", TestFiles.Example("small-default", "policy.json")], stdout, stderr);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_naming_a_built_in_column_says_so()
    {
        var error = Assert.Throws<InvalidInputException>(() => MatchingProblem.Create(Roster(Mentee("e"), Mentor("m")), Open("grade=1")));
        Assert.Contains(error.Errors, e => e.Field == "dimensions.grade" && e.Message.Contains("contract's own columns", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_a_bad_value_still_has_its_other_errors_named()
    {
        var csv = "id,name,role,grade,department,manager_id,capacity,availability,gender\n" +
                  "e1,Ann,chief,5,,nobody,,mon-am,f\n";

        var error = Assert.Throws<InvalidInputException>(() => PeopleCsv.Read(new StringReader(csv)));

        Assert.Equal([(2, "role"), (2, "manager_id")], error.Errors.Select(e => (e.Row ?? 0, e.Field ?? "")));
    }
}
