using System.Globalization;
using System.Text.Json;
using static Mentoring.Matching.Tests.TestRosters;

namespace Mentoring.Matching.Tests;

/// <summary>The result as CSV and JSON: every pair with its explanation, every unmatched mentee with why, any id survives quoting.</summary>
public sealed class OutputTests
{
    [Fact]
    public void Csv_rows_carry_the_explanation_and_quote_ids_that_need_it()
    {
        var roster = Roster(
            Mentee("e, \"one\"", slots: "mon-am;tue-pm", attributes: "gender=f;ethnicity=a"),
            Mentee("e2", attributes: "gender=f"),
            Mentor("m\nnew", slots: "mon-am;tue-pm", attributes: "gender=m;ethnicity=b"));
        var result = Solve(roster, Open("gender=2;ethnicity=3") with { SharedSlotWeight = 2 });

        var rows = TestFiles.ReadCsvRows(Write(result));

        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name);
        Assert.Equal(3, rows.Count);
        var pair = rows.Single(r => r[Column("mentee_id")] == "e, \"one\"");
        Assert.Equal("m\nnew", pair[Column("mentor_id")]);
        Assert.Equal("9", pair[Column("score")]);
        Assert.Equal("gender;ethnicity", pair[Column("differences")]);
        Assert.Equal("mon-am;tue-pm", pair[Column("shared_slots")]);
        Assert.Equal(("5", "4"), (pair[Column("dimension_score")], pair[Column("slot_score")]));
        var unmatched = rows.Single(r => r[Column("mentee_id")] == "e2");
        Assert.Equal(string.Empty, unmatched[Column("mentor_id")]);
        Assert.Equal(result.Unmatched.Single().Explanation, unmatched[Column("reason")]);
    }

    [Fact]
    public void Json_has_the_pairs_explanations_unmatched_reasons_and_the_policy_used()
    {
        var roster = Roster(Mentee("e1", attributes: "gender=f"), Mentee("e2", attributes: "gender=f", grade: 1), Mentor("m1", attributes: "gender=m"));
        var result = Solve(roster, Open() with { Objective = MatchingObjective.Fairness });

        using var json = JsonDocument.Parse(MatchingResultJson.ToJson(result));
        var root = json.RootElement;

        Assert.Equal("Optimal", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("minScore").GetInt32());
        var pair = root.GetProperty("pairs")[0];
        Assert.Equal(("e1", "m1", 2), (pair.GetProperty("menteeId").GetString(), pair.GetProperty("mentorId").GetString(), pair.GetProperty("score").GetInt32()));
        Assert.Equal("gender", pair.GetProperty("differences")[0].GetProperty("dimension").GetString());
        var unmatched = root.GetProperty("unmatched")[0];
        Assert.Equal(("e2", "noFeasibleMentor", "minGradeGap"), (unmatched.GetProperty("menteeId").GetString(), unmatched.GetProperty("reason").GetString(), unmatched.GetProperty("rule").GetString()));
        Assert.Equal("fairness", root.GetProperty("run").GetProperty("policy").GetProperty("objective").GetString());
        Assert.Equal(PolicyJson.ToJson(result.Policy), root.GetProperty("run").GetProperty("policy").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_of_an_infeasible_result_says_why_and_has_no_pairs()
    {
        var result = Solve(Roster(Mentee("e1"), Mentor("m1", capacity: 0)), Open() with { PinnedPairs = Pairs(("e1", "m1")) });

        using var json = JsonDocument.Parse(MatchingResultJson.ToJson(result));

        Assert.Equal("Infeasible", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("pinnedPairs[0]", json.RootElement.GetProperty("infeasibleReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, json.RootElement.GetProperty("pairs").GetArrayLength());
    }

    [Fact]
    public void A_policy_written_out_reads_back_the_same()
    {
        var policy = Open("gender=2;ethnicity=3") with
        {
            MinDifferences = 2,
            RequireDifferent = ["ethnicity"],
            MinSharedSlots = 2,
            SharedSlotWeight = 0,
            MinGradeGap = -1,
            LineManagement = LineManagementRule.Direct,
            ForbidSameDepartment = true,
            ForbiddenPairs = Pairs(("a", "b")),
            PinnedPairs = Pairs(("c", "d")),
            Objective = MatchingObjective.Fairness,
        };

        var again = PolicyJson.Parse(PolicyJson.ToJson(policy));

        Assert.Equal(PolicyJson.ToJson(policy), PolicyJson.ToJson(again));
        Assert.Equal((2, 2, 0, -1, LineManagementRule.Direct, true, MatchingObjective.Fairness), (again.MinDifferences, again.MinSharedSlots, again.SharedSlotWeight, again.MinGradeGap, again.LineManagement, again.ForbidSameDepartment, again.Objective));
        Assert.Equal(policy.PinnedPairs, again.PinnedPairs);
    }

    /// <summary>The result as the contract's CSV text.</summary>
    internal static string Write(MatchingResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        MatchingResultCsv.Write(result, writer);
        return writer.ToString();
    }
}
