using Mentoring.Matching.Engine;

namespace Mentoring.Matching.Tests;

/// <summary>
/// The flow's alternatives, found from the optimum's dual bounds, must equal the plain definition:
/// every other feasible mentor's pinned problem solved on its own, ranked, cut to N.
/// </summary>
public sealed class FlowAlternativesTests
{
    [Theory]
    [InlineData("similar", 3)]
    [InlineData("same", 2)]
    [InlineData("current", 3)]
    public void Bounded_alternatives_equal_every_pinned_problem_solved(string example, int count)
    {
        var problem = MatchingProblem.Load(
            Path.Combine(TestFiles.ExamplesFolder, "..", "examples-v2", example, "people.csv"),
            Path.Combine(TestFiles.ExamplesFolder, "..", "examples-v2", example, "policy.json"));
        var options = MatchingOptions.Default with { Alternatives = count };

        var bounded = Matcher.Solve(problem, options);
        // The plain definition on a sample of the pairs: each pinned problem solved from scratch.
        var sample = bounded with { Pairs = [.. bounded.Pairs.Where((_, i) => i % 10 == 0).Select(p => p with { Alternatives = null })] };
        var plain = AlternativeMentors.Add(problem, sample, options, CancellationToken.None);

        Assert.NotEmpty(plain);
        foreach (var pair in plain)
        {
            var found = bounded.Pairs.Single(p => p.MenteeId == pair.MenteeId).Alternatives;
            Assert.NotNull(found);
            Assert.Equal(pair.Alternatives, found);
        }
    }
}
