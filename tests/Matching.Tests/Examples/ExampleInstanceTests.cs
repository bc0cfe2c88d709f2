using System.Text.Json;

namespace Mentoring.Matching.Tests;

/// <summary>The shared example instances: the engine must reach each known optimum with pairs that pass every rule.</summary>
public sealed class ExampleInstanceTests
{
    public static TheoryData<string> Examples { get; } = new(ExampleNames);

    private static string[] ExampleNames => ["small-default", "default", "strict", "fairness", "pins"];

    [Fact]
    public void Every_example_folder_is_tested()
    {
        var folders = Directory.GetDirectories(TestFiles.ExamplesFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(ExampleNames.Order(StringComparer.Ordinal), folders);
    }

    public static TheoryData<string, FlowSolver> ExamplesBySolver() => EverySolver.With(ExampleNames);

    [Theory]
    [MemberData(nameof(ExamplesBySolver))]
    public void The_engine_reaches_the_known_optimum_with_valid_pairs(string example, FlowSolver solver)
    {
        var problem = TestFiles.LoadExample(example);
        using var expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Example(example, "expected.json")));
        var root = expected.RootElement;

        var result = Matcher.Solve(problem, MatchingOptions.Default with { Solver = solver });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(root.GetProperty("matched").GetInt32(), result.Matched);
        Assert.Equal(root.GetProperty("total").GetInt64(), result.Total);
        if (problem.Policy.Objective == MatchingObjective.Fairness)
        {
            Assert.Equal(root.GetProperty("minScore").GetInt32(), result.MinScore);
        }

        ResultChecks.AssertValid(result, new ReferenceMatcher(problem.Roster, problem.Policy));
        var people = problem.Roster.People;
        Assert.Equal(
            (people.Count, people.Count(p => p.Role == ParticipantRole.Mentee), people.Count(p => p.Role == ParticipantRole.Mentor)),
            (result.Facts.People, result.Facts.Mentees, result.Facts.Mentors));
        Assert.InRange(result.Facts.Solves, 1, result.Facts.PricingRounds);
        Assert.Equal(problem.InputHash, result.Facts.InputHash);
    }

    [Fact]
    public void The_fairness_example_has_a_minimum_score_to_check()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Example("fairness", "expected.json")));

        Assert.True(expected.RootElement.TryGetProperty("minScore", out _));
        Assert.Equal(MatchingObjective.Fairness, PolicyJson.Read(TestFiles.Example("fairness", "policy.json")).Objective);
    }

    [Fact]
    public void The_small_example_reaches_the_brute_force_optimum_too()
    {
        var problem = TestFiles.LoadExample("small-default");
        var reference = new ReferenceMatcher(problem.Roster, problem.Policy);

        var optimum = ExhaustiveSearch.ByMentorSlots(reference);
        var result = Matcher.Solve(problem);

        Assert.Equal((optimum.Matched, optimum.Total), (result.Matched, result.Total));
    }
}
