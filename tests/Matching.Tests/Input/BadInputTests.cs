using static Mentoring.Matching.Tests.InputErrorAssert;
using static Mentoring.Matching.Tests.TestRosters;

namespace Mentoring.Matching.Tests;

/// <summary>Every bad input the contract lists: a clear error naming the row or field, never a crash or a guess.</summary>
public sealed class BadInputTests
{
    private const string People = "people.csv";
    private const string Policy = "policy.json";
    private const string Header = "id,name,role,grade,department,manager_id,capacity,availability,gender";

    /// <summary>A valid roster; tests replace one line to break it (header is line 1, e1 line 2 ... m2 line 5).</summary>
    private static readonly string[] GoodRows =
    [
        "e1,Ann,mentee,5,Finance,boss,,mon-am,f",
        "e2,Bob,mentee,6,Finance,boss,,mon-am,m",
        "m1,Cat,mentor,1,Medicine,e1,1,mon-am,m",
        "m2,Dan,mentor,2,Medicine,e2,2,mon-am,f",
        "boss,Eve,,9,Finance,,,,",
    ];

    private static string Csv(int line, string replacement) =>
        string.Join('\n', GoodRows.Select((row, i) => i + 2 == line ? replacement : row).Prepend(Header)) + "\n";

    [Fact]
    public void The_good_roster_used_by_these_tests_is_valid()
    {
        var roster = ReadPeople(Csv(0, string.Empty));

        Assert.Equal(5, roster.People.Count);
        Assert.NotNull(MatchingProblem.Create(roster, Open()));
    }

    [Fact]
    public void A_duplicate_id_names_the_second_line_and_the_first()
    {
        var error = Names(() => ReadPeople(Csv(4, "e1,Cat,mentor,1,Medicine,,1,mon-am,m")), People, 4, "id", "e1");

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_id_names_its_line(string id) =>
        Names(() => ReadPeople(Csv(3, $"{id},Bob,mentee,6,Finance,boss,,mon-am,m")), People, 3, "id");

    [Fact]
    public void A_manager_id_naming_nobody_names_the_line_and_the_id() =>
        Names(() => ReadPeople(Csv(5, "m2,Dan,mentor,2,Medicine,ghost,2,mon-am,f")), People, 5, "manager_id", "ghost");

    [Fact]
    public void A_cycle_in_the_reporting_chain_names_a_line_on_it_and_the_people()
    {
        var csv = Csv(6, "boss,Eve,,9,Finance,m2,,,");
        var exception = Assert.Throws<InvalidInputException>(() => ReadPeople(csv));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("people.csv", "manager_id"), (error.Source, error.Field));
        Assert.Contains(error.Row, new int?[] { 3, 5, 6 });
        Assert.All(new[] { "boss", "e2", "m2" }, id => Assert.Contains(id, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Being_ones_own_manager_is_a_cycle_too() =>
        Names(() => ReadPeople(Csv(2, "e1,Ann,mentee,5,Finance,e1,,mon-am,f")), People, 2, "manager_id", "e1");

    [Theory]
    [InlineData("senior")]
    [InlineData("5.5")]
    [InlineData("1e3")]
    [InlineData("99999999999")]
    public void A_non_integer_grade_names_its_line(string grade) =>
        Names(() => ReadPeople(Csv(3, $"e2,Bob,mentee,{grade},Finance,boss,,mon-am,m")), People, 3, "grade", grade);

    [Fact]
    public void A_participant_without_a_grade_names_its_line() =>
        Names(() => ReadPeople(Csv(4, "m1,Cat,mentor,,Medicine,e1,1,mon-am,m")), People, 4, "grade");

    [Theory]
    [InlineData("two")]
    [InlineData("1.5")]
    public void A_non_integer_capacity_names_its_line(string capacity) =>
        Names(() => ReadPeople(Csv(5, $"m2,Dan,mentor,2,Medicine,e2,{capacity},mon-am,f")), People, 5, "capacity", capacity);

    [Fact]
    public void A_negative_capacity_names_its_line() =>
        Names(() => ReadPeople(Csv(5, "m2,Dan,mentor,2,Medicine,e2,-1,mon-am,f")), People, 5, "capacity", "negative");

    [Theory]
    [InlineData("boss")]
    [InlineData("mentees")]
    [InlineData("both")]
    public void An_unknown_role_names_its_line(string role) =>
        Names(() => ReadPeople(Csv(2, $"e1,Ann,{role},5,Finance,boss,,mon-am,f")), People, 2, "role", role);

    [Fact]
    public void Every_bad_row_is_listed_not_just_the_first()
    {
        var csv = Header + "\n" + string.Join('\n', "e1,Ann,mentee,x,,,,mon-am,f", "e2,Bob,chief,5,,,,mon-am,f", GoodRows[2].Replace(",e1,", ",,", StringComparison.Ordinal), "m2,Dan,mentor,2,,,-3,mon-am,f");

        var exception = Assert.Throws<InvalidInputException>(() => ReadPeople(csv));

        Assert.Equal([(2, "grade"), (3, "role"), (5, "capacity")], exception.Errors.Select(e => (e.Row ?? 0, e.Field ?? "")));
    }

    [Fact]
    public void A_negative_weight_names_the_dimension() =>
        Names(() => PolicyJson.Parse("""{ "dimensions": { "gender": -1 } }"""), Policy, null, "dimensions.gender");

    [Fact]
    public void A_negative_weight_in_a_policy_built_in_code_names_the_dimension() =>
        Names(() => MatchingProblem.Create(Roster(Mentee("e"), Mentor("m")), Open("gender=-2")), Policy, null, "dimensions.gender", "negative");

    [Theory]
    [InlineData("""{ "dimensions": { "gender": 1.5 } }""", "dimensions.gender")]
    [InlineData("""{ "dimensions": { "gender": "high" } }""", "dimensions.gender")]
    [InlineData("""{ "dimensions": [ "gender" ] }""", "dimensions")]
    [InlineData("""{ "minGradeGap": 1 }""", "dimensions")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "minDifferences": -1 }""", "minDifferences")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "minSharedSlots": "two" }""", "minSharedSlots")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "sharedSlotWeight": -2 }""", "sharedSlotWeight")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "forbidSameDepartment": "yes" }""", "forbidSameDepartment")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "lineManagement": "strict" }""", "lineManagement")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "pinnedPairs": [ ["e1"] ] }""", "pinnedPairs[0]")]
    [InlineData("""{ "dimensions": { "gender": 1 }, "forbiddenPairs": "e1,m1" }""", "forbiddenPairs")]
    public void An_invalid_policy_value_names_its_field(string json, string field) =>
        Names(() => PolicyJson.Parse(json), Policy, null, field);

    [Theory]
    [InlineData("minDiffrences")]
    [InlineData("weights")]
    public void An_unknown_policy_field_is_named_rather_than_ignored(string field) =>
        Names(() => PolicyJson.Parse($$"""{ "dimensions": { "gender": 1 }, "{{field}}": 2 }"""), Policy, null, field, "unknown");

    [Theory]
    [InlineData("objective", "\"fairness\"")]
    [InlineData("minGradeGap", "3")]
    [InlineData("MinGradeGap", "3")]
    public void A_policy_field_given_twice_is_named_rather_than_the_last_one_silently_winning(string field, string value) =>
        Names(() => PolicyJson.Parse($$"""{ "dimensions": { "gender": 1 }, "objective": "total", "minGradeGap": 1, "{{field}}": {{value}} }"""), Policy, null, field, "twice");

    [Theory]
    [InlineData("\"best\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    public void An_unknown_objective_is_named(string objective) =>
        Names(() => PolicyJson.Parse($$"""{ "dimensions": { "gender": 1 }, "objective": {{objective}} }"""), Policy, null, "objective");

    [Fact]
    public void A_policy_dimension_that_is_not_a_column_is_named_with_the_columns_there_are() =>
        Names(() => MatchingProblem.Create(ReadPeople(Csv(0, "")), Open("religion=2")), Policy, null, "dimensions.religion", "gender");

    [Fact]
    public void A_required_difference_that_is_not_a_column_is_named() =>
        Names(() => MatchingProblem.Create(ReadPeople(Csv(0, "")), Open() with { RequireDifferent = ["gender", "religion"] }), Policy, null, "requireDifferent[1]", "religion");

    [Theory]
    [InlineData("m1", "m2", "m1")]
    [InlineData("e1", "e2", "e2")]
    [InlineData("ghost", "m1", "ghost")]
    [InlineData("e1", "ghost", "ghost")]
    [InlineData("boss", "m1", "boss")]
    public void A_pinned_or_forbidden_pair_naming_someone_who_is_not_a_mentee_then_a_mentor_is_named(string mentee, string mentor, string culprit)
    {
        var roster = ReadPeople(Csv(0, ""));

        Names(() => MatchingProblem.Create(roster, Open() with { PinnedPairs = Pairs(("e2", "m2"), (mentee, mentor)) }), Policy, null, "pinnedPairs[1]", culprit);
        Names(() => MatchingProblem.Create(roster, Open() with { ForbiddenPairs = Pairs((mentee, mentor)) }), Policy, null, "forbiddenPairs[0]", culprit);
    }

    [Fact]
    public void A_mentee_pinned_twice_is_named() =>
        Names(() => MatchingProblem.Create(ReadPeople(Csv(0, "")), Open() with { PinnedPairs = Pairs(("e1", "m1"), ("e1", "m2")) }), Policy, null, "pinnedPairs[1]", "e1");

    [Fact]
    public void A_pinned_pair_that_breaks_a_rule_gives_an_infeasible_result_naming_the_pair_and_the_rule()
    {
        // m1 reports to e1: the chain rule (the default) bars the pin.
        var problem = MatchingProblem.Create(ReadPeople(Csv(0, "")), PolicyJson.Parse("""{ "dimensions": { "gender": 1 }, "pinnedPairs": [["e1", "m1"]] }"""));

        var result = Matcher.Solve(problem);

        Assert.Equal(MatchStatus.Infeasible, result.Status);
        Assert.Contains("pinnedPairs[0] (e1, m1)", result.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains("lineManagement", result.InfeasibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_pins_overfilling_a_mentor_give_an_infeasible_result_naming_the_mentor()
    {
        var problem = MatchingProblem.Create(ReadPeople(Csv(0, "")), PolicyJson.Parse("""{ "dimensions": { "gender": 0 }, "minDifferences": 0, "pinnedPairs": [["e1", "m2"], ["e2", "m1"]], "lineManagement": "off" }"""));
        var full = MatchingProblem.Create(ReadPeople(Csv(4, "m1,Cat,mentor,1,Medicine,e1,1,mon-am,m")), PolicyJson.Parse("""{ "dimensions": { "gender": 0 }, "minDifferences": 0, "pinnedPairs": [["e1", "m1"], ["e2", "m1"]], "lineManagement": "off" }"""));

        Assert.Equal(MatchStatus.Optimal, Matcher.Solve(problem).Status);
        var result = Matcher.Solve(full);
        Assert.Equal(MatchStatus.Infeasible, result.Status);
        Assert.Contains("pinnedPairs[1]", result.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains("m1", result.InfeasibleReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gender=2147483647", 0)]
    [InlineData("gender=2000000000;ethnicity=2000000000", 0)]
    [InlineData("gender=1", 2147483647)]
    [InlineData("gender=1000000000", 1000000000)]
    public void Weights_too_large_to_add_up_are_refused_naming_the_weight_or_solved_exactly(string dimensions, int slotWeight)
    {
        // Both pairs differ on every dimension and share two slots.
        var roster = Roster(
            Mentee("e1", slots: "a;b", attributes: "gender=f;ethnicity=x"),
            Mentee("e2", slots: "a;b", attributes: "gender=f;ethnicity=x"),
            Mentor("m", slots: "a;b", attributes: "gender=m;ethnicity=y", capacity: 2));
        var policy = Open(dimensions) with { SharedSlotWeight = slotWeight };
        var pairScore = policy.Dimensions.Values.Sum(w => (long)w) + (2L * slotWeight);

        MatchingResult result;
        try
        {
            result = Solve(roster, policy);
        }
        catch (InvalidInputException e)
        {
            Assert.Contains(e.Errors, error => error.Source == Policy && (error.Field == "sharedSlotWeight" || error.Field?.StartsWith("dimensions", StringComparison.Ordinal) == true));
            return;
        }

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(2, result.Matched);
        Assert.Equal(2 * pairScore, result.Total);
    }

    [Fact]
    public void A_roster_built_in_code_is_checked_too_naming_the_person_by_index()
    {
        var roster = Roster(Mentee("e"), Mentor("e"), Mentor("m", manager: "ghost"), Mentor("n", capacity: -1));

        var exception = Assert.Throws<InvalidInputException>(() => MatchingProblem.Create(roster, Open()));

        Assert.Contains(exception.Errors, e => e.Field == "people[1].id");
        Assert.Contains(exception.Errors, e => e.Field == "people[2].manager_id");
        Assert.Contains(exception.Errors, e => e.Field == "people[3].capacity");
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00 })]
    [InlineData(new byte[] { 0x69, 0x64, 0x2C, 0xC3, 0x28, 0xFF, 0xFE })]
    public void A_binary_file_is_refused_as_not_csv(byte[] bytes)
    {
        var exception = Assert.Throws<InvalidInputException>(() => ReadPeople(bytes));

        Assert.Equal(People, Assert.Single(exception.Errors).Source);
    }

    [Fact]
    public void A_nul_character_names_its_line() =>
        Names(() => ReadPeople(Csv(4, "m1,Cat\0,mentor,1,Medicine,e1,1,mon-am,m")), People, 4, null, "NUL");

    [Fact]
    public void An_unterminated_quote_names_the_line_where_the_field_starts() =>
        Names(() => ReadPeople(Csv(3, "e2,\"Bob,mentee,6,Finance,boss,,mon-am,m")), People, 3, null, "quote");

    [Fact]
    public void Text_after_a_closing_quote_names_its_line() =>
        Names(() => ReadPeople(Csv(3, "e2,\"Bob\" Jr,mentee,6,Finance,boss,,mon-am,m")), People, 3, null, "quote");

    [Fact]
    public void A_stray_quote_inside_an_unquoted_field_names_its_line() =>
        Names(() => ReadPeople(Csv(3, "e2,Bob \"BJ\" Smith,mentee,6,Finance,boss,,mon-am,m")), People, 3, null, "quote");

    [Theory]
    [InlineData("e2,Bob,mentee,6,Finance,boss,,mon-am")]
    [InlineData("e2,Bob,mentee,6,Finance,boss,,mon-am,m,extra")]
    public void A_ragged_row_names_its_line_and_the_field_counts(string row) =>
        Names(() => ReadPeople(Csv(3, row)), People, 3, null, "fields");

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_is_refused(string csv) =>
        Assert.Throws<InvalidInputException>(() => ReadPeople(csv));

    [Theory]
    [InlineData("id,name,role,grade,manager_id,gender", "availability")]
    [InlineData("name,role,grade,manager_id,availability,gender", "id")]
    public void A_header_without_a_required_column_names_it(string header, string missing) =>
        Names(() => ReadPeople(header + "\n"), People, 1, missing);

    [Fact]
    public void A_column_twice_in_the_header_is_named() =>
        Names(() => ReadPeople("id,role,grade,manager_id,availability,Gender,gender\n"), People, 1, "gender");

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{ \"dimensions\": { \"gender\": 1 }")]
    [InlineData("{ \"dimensions\": { \"gender\": 1, } }")]
    [InlineData("id,role,grade\ne1,mentee,5")]
    [InlineData("")]
    public void A_policy_that_is_not_json_is_refused_naming_the_file(string text)
    {
        var exception = Assert.Throws<InvalidInputException>(() => PolicyJson.Parse(text));

        Assert.Equal(Policy, Assert.Single(exception.Errors).Source);
        Assert.Contains("JSON", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"dimensions\"")]
    [InlineData("null")]
    public void A_policy_that_is_json_but_not_an_object_is_refused(string text) =>
        Names(() => PolicyJson.Parse(text), Policy, null, null, "object");

    [Fact]
    public void A_binary_policy_file_is_refused()
    {
        using var stream = new MemoryStream([0x00, 0xFF, 0x10, 0x89, 0x50]);

        var exception = Assert.Throws<InvalidInputException>(() => PolicyJson.Read(stream));

        Assert.Equal(Policy, Assert.Single(exception.Errors).Source);
    }

    [Fact]
    public void Loading_files_names_the_physical_line_of_the_bad_row()
    {
        using var folder = new ScratchFolder();
        var people = folder.Write("people.csv", Csv(5, "m2,Dan,mentor,2,Medicine,e2,lots,mon-am,f"));
        var policy = folder.Write("policy.json", """{ "dimensions": { "gender": 1 } }""");

        Names(() => MatchingProblem.Load(people, policy), People, 5, "capacity", "lots");
    }
}
