using System.Globalization;
using CommandLine = Mentoring.Matching.Cli.Cli;

namespace Mentoring.Matching.Tests;

/// <summary>The same input gives the same output, byte for byte, and the same input hash.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [MemberData(nameof(ExampleInstanceTests.Examples), MemberType = typeof(ExampleInstanceTests))]
    public void Solving_the_same_files_twice_gives_identical_csv_and_json(string example)
    {
        var first = Outputs(TestFiles.LoadExample(example));
        var second = Outputs(TestFiles.LoadExample(example));

        Assert.Equal(first.Csv, second.Csv);
        Assert.Equal(first.Json, second.Json);
    }

    [Fact]
    public void Solving_one_problem_repeatedly_gives_identical_output()
    {
        var problem = TestFiles.LoadExample("default");

        var outputs = Enumerable.Range(0, 3).Select(_ => Outputs(problem)).ToArray();

        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("table")]
    public void The_command_line_writes_identical_bytes_on_every_run(string format)
    {
        string RunOnce()
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            Assert.Equal(0, CommandLine.Run(["--people", TestFiles.Example("pins", "people.csv"), "--policy", TestFiles.Example("pins", "policy.json"), "--format", format], stdout, stderr));
            return stdout.ToString();
        }

        Assert.Equal(RunOnce(), RunOnce());
    }

    [Fact]
    public void Json_output_leaves_out_the_wall_time()
    {
        var json = MatchingResultJson.ToJson(Matcher.Solve(TestFiles.LoadExample("small-default")));

        Assert.DoesNotContain("elapsed", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_input_hash_is_stable_and_recorded_in_the_run()
    {
        var first = TestFiles.LoadExample("strict");
        var second = TestFiles.LoadExample("strict");

        Assert.Equal(first.InputHash, second.InputHash);
        Assert.Matches("^[0-9a-f]{64}$", first.InputHash);
        Assert.Equal(first.InputHash, Matcher.Solve(first).Facts.InputHash);
    }

    [Fact]
    public void The_input_hash_ignores_how_the_file_is_laid_out_but_not_what_it_says()
    {
        var lf = "id,name,role,grade,manager_id,availability,gender\ne1,Ann,mentee,5,,mon-am,f\nm1,Bob,mentor,1,,mon-am,m\n";
        var crlfReordered = "Role,ID,Name,Availability,Grade,Manager_Id,Gender\r\nmentee,e1,Ann,mon-am,5,,f\r\nmentor,m1,Bob,mon-am,1,,m\r\n\r\n";
        var changed = lf.Replace("mon-am,m", "mon-am,x", StringComparison.Ordinal);
        var policy = PolicyJson.Parse("""{ "dimensions": { "gender": 1 } }""");
        var spelledOut = PolicyJson.Parse("""{ "objective": "total", "minDifferences": 1, "dimensions": { "gender": 1 }, "lineManagement": "chain" }""");

        string Hash(string csv, MatchingPolicy p) => MatchingProblem.Create(PeopleCsv.Read(new StringReader(csv)), p).InputHash;

        Assert.Equal(Hash(lf, policy), Hash(crlfReordered, policy));
        Assert.Equal(Hash(lf, policy), Hash(lf, spelledOut));
        Assert.NotEqual(Hash(lf, policy), Hash(changed, policy));
        Assert.NotEqual(Hash(lf, policy), Hash(lf, policy with { MinGradeGap = 2 }));
    }

    [Fact]
    public void Brute_force_instances_solve_identically_twice()
    {
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var instance = RandomInstances.Crowded(seed);
            var problem = MatchingProblem.Create(instance.Roster, instance.Policy);

            Assert.True(Outputs(problem) == Outputs(problem), $"crowded seed {seed} gave different output on a second solve");
        }
    }

    private static (string Csv, string Json) Outputs(MatchingProblem problem)
    {
        var result = Matcher.Solve(problem);
        return (OutputTests.Write(result), MatchingResultJson.ToJson(result));
    }
}
