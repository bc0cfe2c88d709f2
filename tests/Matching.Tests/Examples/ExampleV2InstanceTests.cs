using System.Text.Json;

namespace Mentoring.Matching.Tests;

/// <summary>
/// The contract v2 example instances: each reaches its known optimum; what-if entries match entry by
/// entry; in <c>small-mixed</c> every pair's alternatives are that mentee's ranking without the chosen
/// mentor, cut to N.
/// </summary>
public sealed class ExampleV2InstanceTests
{
    private static string Folder => Path.GetFullPath(Path.Combine(TestFiles.ExamplesFolder, "..", "examples-v2"));

    private static string[] ExampleNames => ["cohort", "current", "fair-cohort", "same", "similar", "small-infeasible", "small-mixed"];

    public static TheoryData<string> Examples { get; } = new(ExampleNames);

    [Fact]
    public void Every_v2_example_folder_is_tested()
    {
        var folders = Directory.GetDirectories(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(ExampleNames.Order(StringComparer.Ordinal), folders);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_engine_reaches_the_known_optimum_and_what_if(string example)
    {
        var (problem, expected) = Load(example);
        using var _ = expected;
        var root = expected.RootElement;
        var wantWhatIf = root.TryGetProperty("whatIf", out var whatIf);

        var result = Matcher.Solve(problem, MatchingOptions.Default with { WhatIf = wantWhatIf });

        Assert.Equal(root.GetProperty("status").GetString(), result.Status.ToString());
        if (result.Status == MatchStatus.Optimal)
        {
            AssertFigures(root, result.Figures);
            Assert.All(result.Pairs, p => Assert.Equal(p.Explanation.Score, p.Score));
        }

        if (wantWhatIf)
        {
            var entries = whatIf.EnumerateArray().ToList();
            Assert.Equal(entries.Count, result.WhatIf!.Count);
            foreach (var entry in entries)
            {
                var change = entry.GetProperty("change").EnumerateObject().Single();
                var found = result.WhatIf.Where(w => w.Field == change.Name && ChangedValue(w) == JsonSerializer.Serialize(change.Value)).ToList();
                Assert.True(found.Count == 1, $"{example}: no single what-if answer for {change.Name} = {change.Value.GetRawText()}");
                Assert.Equal(entry.GetProperty("status").GetString(), found[0].Optimum.Status.ToString());
                AssertFigures(entry, found[0].Optimum);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public void Small_mixed_alternatives_are_the_rankings_without_the_chosen_mentor(int count)
    {
        var (problem, expected) = Load("small-mixed");
        using var _ = expected;
        var rankings = expected.RootElement.GetProperty("rankings");

        var result = Matcher.Solve(problem, MatchingOptions.Default with { Alternatives = count });

        foreach (var pair in result.Pairs.Where(p => !p.Pinned))
        {
            var ranking = rankings.GetProperty(pair.MenteeId).EnumerateArray()
                .Where(r => r.GetProperty("mentorId").GetString() != pair.MentorId)
                .Take(count)
                .ToList();
            var alternatives = pair.Alternatives!;
            Assert.Equal(ranking.Select(r => r.GetProperty("mentorId").GetString()), alternatives.Select(a => a.MentorId));
            foreach (var (want, got) in ranking.Zip(alternatives))
            {
                Assert.Equal(want.GetProperty("status").GetString(), got.Optimum.Status.ToString());
                AssertFigures(want, got.Optimum);
            }
        }
    }

    private static (MatchingProblem Problem, JsonDocument Expected) Load(string example) =>
        (MatchingProblem.Load(Path.Combine(Folder, example, "people.csv"), Path.Combine(Folder, example, "policy.json")),
         JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, example, "expected.json"))));

    private static void AssertFigures(JsonElement expected, AssignmentFigures figures)
    {
        Assert.Equal(expected.GetProperty("matched").GetInt32(), figures.Matched);
        Assert.Equal(expected.GetProperty("kept").GetInt32(), figures.Kept);
        Assert.Equal(expected.GetProperty("total").GetInt64(), figures.Total);
        if (expected.TryGetProperty("minScore", out var minScore) && minScore.ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(minScore.GetInt32(), figures.MinScore);
        }
    }

    /// <summary>The changed field's value as policy.json writes it, to compare with the expected <c>change</c>.</summary>
    private static string ChangedValue(WhatIfOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            PolicyJson.WriteField(writer, outcome.Policy, outcome.Field);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return JsonSerializer.Serialize(document.RootElement.EnumerateObject().Single().Value);
    }
}
