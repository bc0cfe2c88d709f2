using static Mentoring.Matching.Tests.TestRosters;

namespace Mentoring.Matching.Tests;

/// <summary>Each rule of the contract on a roster small enough to see the answer by eye.</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData("female", "male", true)]
    [InlineData("Female", "  female ", false)]
    [InlineData("", "male", false)]
    [InlineData("female", "", false)]
    [InlineData("prefer not to say", "male", false)]
    [InlineData(" Prefer Not To Say ", "male", false)]
    [InlineData("unknown", "male", false)]
    [InlineData("female", "UNKNOWN", false)]
    [InlineData("unknown", "Unknown", false)]
    [InlineData("", "", false)]
    public void Two_people_differ_only_when_both_values_are_known_and_unequal(string menteeValue, string mentorValue, bool differ)
    {
        var roster = Roster(Mentee("e", attributes: $"gender={menteeValue}"), Mentor("m", attributes: $"gender={mentorValue}"));

        var scored = Solve(roster, Open("gender=2"));
        var required = Solve(roster, Open("gender=2") with { MinDifferences = 1 });

        var pair = Assert.Single(scored.Pairs);
        Assert.Equal(differ ? ["gender"] : Array.Empty<string>(), pair.Explanation.Differences.Select(d => d.Dimension));
        Assert.Equal((differ ? 2 : 0) + 1, pair.Score);
        Assert.Equal(differ ? 1 : 0, required.Matched);
    }

    [Fact]
    public void MinDifferences_counts_the_dimensions_a_pair_differs_on()
    {
        var roster = Roster(
            Mentee("e", attributes: "gender=f;ethnicity=a;disability=no"),
            Mentor("one", attributes: "gender=m;ethnicity=a;disability=no"),
            Mentor("two", attributes: "gender=f;ethnicity=b;disability=yes"));
        var policy = Open("gender=5;ethnicity=1;disability=1");

        Assert.Equal("one", MentorOf(Solve(roster, policy with { MinDifferences = 1 }))["e"]);
        Assert.Equal("two", MentorOf(Solve(roster, policy with { MinDifferences = 2 }))["e"]);
        var none = Solve(roster, policy with { MinDifferences = 3 });
        Assert.Equal(PairRule.MinDifferences, Assert.Single(none.Unmatched).Rule);
    }

    [Fact]
    public void RequireDifferent_bars_pairs_that_do_not_differ_on_the_dimension_even_at_a_higher_score()
    {
        var roster = Roster(
            Mentee("e", slots: "mon-am;tue-am", attributes: "gender=f;ethnicity=a"),
            Mentor("gender-only", slots: "mon-am;tue-am", attributes: "gender=m;ethnicity=a"),
            Mentor("ethnicity-only", attributes: "gender=f;ethnicity=b"),
            Mentor("ethnicity-unknown", attributes: "gender=m;ethnicity=prefer not to say"));
        var policy = Open("gender=5;ethnicity=1");

        Assert.Equal("gender-only", MentorOf(Solve(roster, policy))["e"]);
        Assert.Equal("ethnicity-only", MentorOf(Solve(roster, policy with { RequireDifferent = ["ethnicity"] }))["e"]);
        Assert.Equal("ethnicity-only", MentorOf(Solve(roster, policy with { RequireDifferent = ["ETHNICITY "] }))["e"]);
    }

    [Fact]
    public void RequireDifferent_on_a_column_outside_the_dimensions_is_enforced_but_not_scored()
    {
        var roster = Roster(
            Mentee("e", attributes: "gender=f;disability=no"),
            Mentor("same", attributes: "gender=m;disability=no"),
            Mentor("different", attributes: "gender=f;disability=yes"));

        var result = Solve(roster, Open("gender=5") with { RequireDifferent = ["disability"] });

        var pair = Assert.Single(result.Pairs);
        Assert.Equal("different", pair.MentorId);
        Assert.Empty(pair.Explanation.Differences);
        Assert.Equal(1, pair.Score);
    }

    [Fact]
    public void MinSharedSlots_counts_slots_compared_trimmed_and_case_insensitively()
    {
        var roster = Roster(
            Mentee("e", slots: "Mon-AM; tue-pm ;wed-am"),
            Mentor("one", slots: "mon-am;thu-pm"),
            Mentor("two", slots: " MON-AM;Tue-PM"));
        var policy = Open() with { MinSharedSlots = 2 };

        var result = Solve(roster, policy);

        var pair = Assert.Single(result.Pairs);
        Assert.Equal("two", pair.MentorId);
        Assert.Equal(["mon-am", "tue-pm"], pair.Explanation.SharedSlots.Select(ReferenceMatcher.Norm).Order(StringComparer.Ordinal));
        Assert.Equal(PairRule.MinSharedSlots, Assert.Single(Solve(roster, policy with { MinSharedSlots = 3 }).Unmatched).Rule);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(3, 6)]
    public void SharedSlotWeight_scores_each_shared_slot(int weight, int slotScore)
    {
        var roster = Roster(Mentee("e", slots: "mon-am;tue-am;wed-am", attributes: "gender=f"), Mentor("m", slots: "mon-am;tue-am", attributes: "gender=m"));

        var pair = Assert.Single(Solve(roster, Open("gender=4") with { SharedSlotWeight = weight }).Pairs);

        Assert.Equal(slotScore, pair.Explanation.SlotScore);
        Assert.Equal(4, pair.Explanation.DimensionScore);
        Assert.Equal(4 + slotScore, pair.Score);
    }

    [Theory]
    [InlineData(5, 2, 3, true)]
    [InlineData(5, 3, 3, false)]
    [InlineData(5, 5, 0, true)]
    [InlineData(5, 5, 1, false)]
    [InlineData(4, 5, -1, true)]
    [InlineData(4, 6, -1, false)]
    public void MinGradeGap_needs_the_mentee_that_many_grades_above_the_mentor(int menteeGrade, int mentorGrade, int gap, bool feasible)
    {
        var roster = Roster(Mentee("e", grade: menteeGrade), Mentor("m", grade: mentorGrade));

        var result = Solve(roster, Open() with { MinGradeGap = gap });

        Assert.Equal(feasible ? 1 : 0, result.Matched);
        if (!feasible)
        {
            Assert.Equal(PairRule.MinGradeGap, Assert.Single(result.Unmatched).Rule);
        }
    }

    /// <summary>top ← middle ← lower ← bottom, and a sibling of middle: mentee and mentor in every position.</summary>
    [Theory]
    [InlineData("top", "bottom", LineManagementRule.Chain, false)]
    [InlineData("bottom", "top", LineManagementRule.Chain, false)]
    [InlineData("top", "lower", LineManagementRule.Chain, false)]
    [InlineData("lower", "top", LineManagementRule.Chain, false)]
    [InlineData("middle", "lower", LineManagementRule.Chain, false)]
    [InlineData("sibling", "bottom", LineManagementRule.Chain, true)]
    [InlineData("bottom", "sibling", LineManagementRule.Chain, true)]
    [InlineData("top", "bottom", LineManagementRule.Direct, true)]
    [InlineData("bottom", "top", LineManagementRule.Direct, true)]
    [InlineData("middle", "lower", LineManagementRule.Direct, false)]
    [InlineData("lower", "middle", LineManagementRule.Direct, false)]
    [InlineData("sibling", "top", LineManagementRule.Direct, false)]
    [InlineData("middle", "bottom", LineManagementRule.Direct, true)]
    [InlineData("top", "bottom", LineManagementRule.Off, true)]
    [InlineData("middle", "lower", LineManagementRule.Off, true)]
    public void LineManagement_bars_the_whole_chain_or_only_direct_links(string mentee, string mentor, LineManagementRule rule, bool feasible)
    {
        var chart = new (string Id, string? Manager)[] { ("top", null), ("middle", "top"), ("sibling", "top"), ("lower", "middle"), ("bottom", "lower") };
        var people = chart.Select(p => p.Id == mentee ? Mentee(p.Id, grade: 5, manager: p.Manager)
            : p.Id == mentor ? Mentor(p.Id, grade: 5, manager: p.Manager)
            : Staff(p.Id, p.Manager)).ToArray();

        var result = Solve(Roster(people), Open() with { LineManagement = rule, MinGradeGap = 0 });

        Assert.Equal(feasible ? 1 : 0, result.Matched);
        if (!feasible)
        {
            Assert.Equal(PairRule.LineManagement, Assert.Single(result.Unmatched).Rule);
        }
    }

    [Theory]
    [InlineData("Finance", " finance ", true, false)]
    [InlineData("Finance", "Medicine", true, true)]
    [InlineData("", "", true, true)]
    [InlineData("  ", "", true, true)]
    [InlineData("Finance", "Finance", false, true)]
    public void ForbidSameDepartment_bars_equal_non_empty_departments(string menteeDepartment, string mentorDepartment, bool forbid, bool feasible)
    {
        var roster = Roster(Mentee("e", department: menteeDepartment), Mentor("m", department: mentorDepartment));

        var result = Solve(roster, Open() with { ForbidSameDepartment = forbid });

        Assert.Equal(feasible ? 1 : 0, result.Matched);
        if (!feasible)
        {
            Assert.Equal(PairRule.ForbidSameDepartment, Assert.Single(result.Unmatched).Rule);
        }
    }

    [Fact]
    public void ForbiddenPairs_are_never_made_even_when_best()
    {
        var roster = Roster(Mentee("e", attributes: "gender=f"), Mentor("best", attributes: "gender=m"), Mentor("other", attributes: "gender=f"));

        Assert.Equal("best", MentorOf(Solve(roster, Open()))["e"]);
        Assert.Equal("other", MentorOf(Solve(roster, Open() with { ForbiddenPairs = Pairs(("e", "best")) }))["e"]);
        var none = Solve(roster, Open() with { ForbiddenPairs = Pairs(("e", "best"), ("e", "other")) });
        Assert.Equal(PairRule.ForbiddenPairs, Assert.Single(none.Unmatched).Rule);
    }

    [Fact]
    public void A_mentee_whose_last_mentors_were_forbidden_is_told_the_reasons_given_for_them()
    {
        var roster = Roster(Mentee("e"), Mentor("a"), Mentor("b"), Mentor("c"), Mentor("d"), Mentor("f"));
        PersonPair Forbid(string mentor, string? reason) => new("e", mentor) { Reason = reason };

        var twoReasons = Solve(roster, Open() with { ForbiddenPairs = [Forbid("a", "paired in 2025"), Forbid("b", null), Forbid("c", "paired in 2025"), Forbid("d", "left"), Forbid("f", null)] });
        var fiveReasons = Solve(roster, Open() with { ForbiddenPairs = new[] { "a", "b", "c", "d", "f" }.Select(m => Forbid(m, $"reason {m}")).ToArray() });

        Assert.EndsWith("removed the last 5 candidates (paired in 2025; left)", Assert.Single(twoReasons.Unmatched).Explanation, StringComparison.Ordinal);
        Assert.EndsWith("(reason a; reason b; reason c; and 2 more)", Assert.Single(fiveReasons.Unmatched).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PinnedPairs_hold_over_a_better_score_and_use_the_mentor_capacity()
    {
        var roster = Roster(
            Mentee("e1", attributes: "gender=f"),
            Mentee("e2", attributes: "gender=f"),
            Mentor("star", attributes: "gender=m"),
            Mentor("plain", attributes: "gender=f"));

        var free = Solve(roster, Open("gender=5"));
        var pinned = Solve(roster, Open("gender=5") with { PinnedPairs = Pairs(("e1", "plain"), ("e2", "plain")) });
        var pinnedWithRoom = Solve(
            Roster(Mentee("e1", attributes: "gender=f"), Mentee("e2", attributes: "gender=f"), Mentor("star", attributes: "gender=m"), Mentor("plain", attributes: "gender=f", capacity: 2)),
            Open("gender=5") with { PinnedPairs = Pairs(("e1", "plain")) });

        Assert.Equal(2, free.Matched);
        Assert.Equal(MatchStatus.Infeasible, pinned.Status);
        Assert.Equal(MatchStatus.Optimal, pinnedWithRoom.Status);
        Assert.Equal("plain", MentorOf(pinnedWithRoom)["e1"]);
        Assert.Equal("star", MentorOf(pinnedWithRoom)["e2"]);
        Assert.True(pinnedWithRoom.Pairs.Single(p => p.MenteeId == "e1").Pinned);
        Assert.False(pinnedWithRoom.Pairs.Single(p => p.MenteeId == "e2").Pinned);
    }

    [Fact]
    public void A_pinned_mentor_with_room_for_one_is_taken_away_from_the_others()
    {
        var roster = Roster(Mentee("e1", attributes: "gender=f"), Mentee("e2", attributes: "gender=f"), Mentor("star", attributes: "gender=m"));

        var result = Solve(roster, Open("gender=5") with { PinnedPairs = Pairs(("e2", "star")) });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal("star", MentorOf(result)["e2"]);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal("e1", unmatched.MenteeId);
        Assert.Equal(UnmatchedReason.NoFeasibleMentor, unmatched.Reason);
        Assert.Equal(PairRule.Capacity, unmatched.Rule);
    }

    [Theory]
    [InlineData("gap", "minGradeGap")]
    [InlineData("chain", "lineManagement")]
    [InlineData("dept", "forbidSameDepartment")]
    [InlineData("slots", "minSharedSlots")]
    [InlineData("same", "minDifferences")]
    [InlineData("forbidden", "forbiddenPairs")]
    [InlineData("full", "capacity")]
    public void A_pin_that_breaks_a_rule_makes_the_result_infeasible_naming_the_pin_and_the_rule(string mentor, string rule)
    {
        var roster = Roster(
            Staff("boss"),
            Mentee("e", grade: 5, slots: "mon-am", attributes: "gender=f", manager: "boss", department: "Finance"),
            Mentee("other"),
            Mentor("gap", grade: 5, attributes: "gender=m"),
            Mentor("chain", attributes: "gender=m", manager: "e"),
            Mentor("dept", attributes: "gender=m", department: "finance"),
            Mentor("slots", slots: "tue-pm", attributes: "gender=m"),
            Mentor("same", attributes: "gender=f"),
            Mentor("forbidden", attributes: "gender=m"),
            Mentor("full", attributes: "gender=m", capacity: 0));
        var policy = Open() with
        {
            MinDifferences = 1,
            MinSharedSlots = 1,
            LineManagement = LineManagementRule.Chain,
            ForbidSameDepartment = true,
            ForbiddenPairs = Pairs(("e", "forbidden")),
            PinnedPairs = Pairs(("other", "slots"), ("e", mentor)),
        };
        var broken = new ReferenceMatcher(roster, policy).BrokenRules(roster.People[1], roster.People.Single(p => p.Id == mentor));
        Assert.Equal(rule == "capacity" ? [] : [rule], broken);

        var result = Solve(roster, policy with { PinnedPairs = Pairs(("e", mentor)) });

        Assert.Equal(MatchStatus.Infeasible, result.Status);
        Assert.Empty(result.Pairs);
        Assert.Contains("pinnedPairs[0]", result.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains("e", result.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains(mentor, result.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains(rule, result.InfeasibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_pins_overfilling_a_mentor_make_the_result_infeasible_naming_the_mentor()
    {
        var roster = Roster(Mentee("e1"), Mentee("e2"), Mentee("e3"), Mentor("m", capacity: 2));

        var fits = Solve(roster, Open() with { PinnedPairs = Pairs(("e1", "m"), ("e2", "m")) });
        var overfills = Solve(roster, Open() with { PinnedPairs = Pairs(("e1", "m"), ("e2", "m"), ("e3", "m")) });

        Assert.Equal(MatchStatus.Optimal, fits.Status);
        Assert.Equal(2, fits.Matched);
        Assert.Equal(MatchStatus.Infeasible, overfills.Status);
        Assert.Contains("pinnedPairs[2]", overfills.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains("m", overfills.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains("capacity", overfills.InfeasibleReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData(" 3 ", 3)]
    public void Capacity_empty_means_one_and_zero_means_none(string capacity, int taken)
    {
        var csv = $"""
            id,role,grade,manager_id,capacity,availability,gender
            e1,mentee,5,,,mon-am,f
            e2,mentee,5,,,mon-am,f
            e3,mentee,5,,,mon-am,f
            m,mentor,1,,{capacity},mon-am,m
            """;
        var roster = PeopleCsv.Read(new StringReader(csv));

        var result = Solve(roster, Open());

        Assert.Equal(taken, result.Matched);
        Assert.All(result.Pairs, p => Assert.Equal("m", p.MentorId));
        if (taken == 0)
        {
            Assert.All(result.Unmatched, u => Assert.Equal(PairRule.Capacity, u.Rule));
        }
    }

    /// <summary>e1 shares 10 slots with m1 and 5 with m2; e2 shares 5 with m1 and 2 with m2.</summary>
    [Theory]
    [InlineData(MatchingObjective.Total, "m1", "m2", 12L, 2)]
    [InlineData(MatchingObjective.Fairness, "m2", "m1", 10L, 5)]
    public void Total_and_fairness_choose_differently(MatchingObjective objective, string e1Mentor, string e2Mentor, long total, int minScore)
    {
        var roster = Roster(
            Mentee("e1", slots: "a;b;c;d;e;f;g;h;i;j"),
            Mentee("e2", slots: "f;g;h;i;j;x;y"),
            Mentor("m1", slots: "a;b;c;d;e;f;g;h;i;j"),
            Mentor("m2", slots: "a;b;c;d;e;x;y"));

        var result = Solve(roster, Open("gender=0") with { Objective = objective });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(e1Mentor, MentorOf(result)["e1"]);
        Assert.Equal(e2Mentor, MentorOf(result)["e2"]);
        Assert.Equal(total, result.Total);
        Assert.Equal(minScore, result.MinScore);
    }

    [Theory]
    [InlineData(MatchingObjective.Total)]
    [InlineData(MatchingObjective.Fairness)]
    public void Matching_more_mentees_beats_any_score(MatchingObjective objective)
    {
        // e1 alone with star scores 11; matching both forces e1 to plain (1) and e2 to star (1).
        var roster = Roster(
            Mentee("e1", attributes: "gender=f"),
            Mentee("e2", attributes: "gender=m"),
            Mentor("star", attributes: "gender=m"),
            Mentor("plain", attributes: "gender=f"));

        var result = Solve(roster, Open("gender=10") with { Objective = objective, ForbiddenPairs = Pairs(("e2", "plain")) });

        Assert.Equal(2, result.Matched);
        Assert.Equal("plain", MentorOf(result)["e1"]);
        Assert.Equal("star", MentorOf(result)["e2"]);
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public void Fairness_ignores_pinned_pairs_in_the_lowest_score()
    {
        var roster = Roster(
            Mentee("e1", attributes: "gender=f"),
            Mentee("e2", attributes: "gender=f"),
            Mentor("low", attributes: "gender=f"),
            Mentor("high", attributes: "gender=m"));

        var result = Solve(roster, Open("gender=6") with { Objective = MatchingObjective.Fairness, PinnedPairs = Pairs(("e1", "low")) });

        Assert.Equal(7, result.MinScore);
        Assert.Equal(8, result.Total);
    }

    [Fact]
    public void Explanations_list_differences_in_policy_order_shared_slots_and_parts_that_sum_to_the_score()
    {
        var roster = Roster(
            Mentee("e", slots: "mon-am;tue-pm;fri-am", attributes: "gender=f;ethnicity=a;disability=no;age=30"),
            Mentor("m", slots: "TUE-PM;mon-am;thu-am", attributes: "gender=m;ethnicity=b;disability=unknown;age=30"));
        var policy = Open("ethnicity=3;disability=2;gender=1;age=4") with { SharedSlotWeight = 2 };

        var pair = Assert.Single(Solve(roster, policy).Pairs);

        Assert.Equal([("ethnicity", 3), ("gender", 1)], pair.Explanation.Differences.Select(d => (d.Dimension, d.Weight)));
        Assert.Equal(["mon-am", "tue-pm"], pair.Explanation.SharedSlots.Select(ReferenceMatcher.Norm).Order(StringComparer.Ordinal));
        Assert.Equal(4, pair.Explanation.DimensionScore);
        Assert.Equal(4, pair.Explanation.SlotScore);
        Assert.Equal(8, pair.Score);
        ResultChecks.AssertExplanation(pair, new ReferenceMatcher(roster, policy));
    }

    [Theory]
    [InlineData(PairRule.Capacity)]
    [InlineData(PairRule.ForbiddenPairs)]
    [InlineData(PairRule.MinGradeGap)]
    [InlineData(PairRule.LineManagement)]
    [InlineData(PairRule.ForbidSameDepartment)]
    [InlineData(PairRule.MinSharedSlots)]
    [InlineData(PairRule.RequireDifferent)]
    [InlineData(PairRule.MinDifferences)]
    public void An_unmatched_mentee_with_no_feasible_mentor_names_the_rule_that_removed_the_last_candidates(PairRule rule)
    {
        // Two mentors, each barred by this rule alone (earlier rules let them through).
        Person Candidate(string id) => rule switch
        {
            PairRule.Capacity => Mentor(id, attributes: "gender=m;ethnicity=b", capacity: 0),
            PairRule.MinGradeGap => Mentor(id, grade: 5, attributes: "gender=m;ethnicity=b"),
            PairRule.LineManagement => Mentor(id, attributes: "gender=m;ethnicity=b", manager: "e"),
            PairRule.ForbidSameDepartment => Mentor(id, attributes: "gender=m;ethnicity=b", department: "Finance"),
            PairRule.MinSharedSlots => Mentor(id, slots: "fri-pm", attributes: "gender=m;ethnicity=b"),
            PairRule.RequireDifferent => Mentor(id, attributes: "gender=m;ethnicity=a"),
            PairRule.MinDifferences => Mentor(id, attributes: "gender=f;ethnicity=a"),
            _ => Mentor(id, attributes: "gender=m;ethnicity=b"),
        };
        var roster = Roster(Mentee("e", attributes: "gender=f;ethnicity=a", department: "finance"), Candidate("m1"), Candidate("m2"));
        var policy = Open("gender=1;ethnicity=1") with
        {
            MinDifferences = 1,
            MinSharedSlots = 1,
            RequireDifferent = rule == PairRule.RequireDifferent ? ["ethnicity"] : [],
            LineManagement = LineManagementRule.Chain,
            ForbidSameDepartment = true,
            ForbiddenPairs = rule == PairRule.ForbiddenPairs ? Pairs(("e", "m1"), ("e", "m2")) : [],
        };

        var unmatched = Assert.Single(Solve(roster, policy).Unmatched);

        Assert.Equal(UnmatchedReason.NoFeasibleMentor, unmatched.Reason);
        Assert.Equal(rule, unmatched.Rule);
        Assert.Equal(0, unmatched.FeasibleMentors);
        Assert.Contains(rule == PairRule.Capacity ? "capacity" : char.ToLowerInvariant(rule.ToString()[0]) + rule.ToString()[1..], unmatched.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmatched_mentee_whose_mentors_went_to_others_says_so()
    {
        var roster = Roster(
            Mentee("e1", attributes: "gender=f"),
            Mentee("e2", attributes: "gender=f"),
            Mentee("e3", attributes: "gender=f"),
            Mentor("m1", attributes: "gender=m"),
            Mentor("m2", attributes: "gender=m"));

        var result = Solve(roster, Open() with { MinDifferences = 1 });

        Assert.Equal(2, result.Matched);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(UnmatchedReason.MentorsNeededByOthers, unmatched.Reason);
        Assert.Null(unmatched.Rule);
        Assert.Equal(2, unmatched.FeasibleMentors);
        Assert.False(string.IsNullOrWhiteSpace(unmatched.Explanation));
    }

    [Theory]
    [InlineData(MatchingObjective.Total)]
    [InlineData(MatchingObjective.Fairness)]
    public void A_cohort_without_mentees_is_an_empty_optimum(MatchingObjective objective)
    {
        var result = Solve(Roster(Mentor("m1"), Staff("s")), Open() with { Objective = objective });

        Assert.Equal((MatchStatus.Optimal, 0, 0L, (int?)null), (result.Status, result.Matched, result.Total, result.MinScore));
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Fairness_with_every_mentee_pinned_has_no_lowest_score()
    {
        var roster = Roster(Mentee("e1", attributes: "gender=f"), Mentor("m1", attributes: "gender=m"));

        var result = Solve(roster, Open() with { Objective = MatchingObjective.Fairness, PinnedPairs = Pairs(("e1", "m1")) });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(1, result.Matched);
        Assert.Null(result.MinScore);
    }

    [Theory]
    [InlineData(MatchingObjective.Total)]
    [InlineData(MatchingObjective.Fairness)]
    public void A_cohort_without_mentors_leaves_every_mentee_unmatched_with_a_reason(MatchingObjective objective)
    {
        var result = Solve(Roster(Mentee("e1"), Mentee("e2"), Staff("s")), Open() with { Objective = objective });

        Assert.Equal(MatchStatus.Optimal, result.Status);
        Assert.Equal(0, result.Matched);
        Assert.All(result.Unmatched, u => Assert.Equal(UnmatchedReason.NoFeasibleMentor, u.Reason));
        Assert.Equal(["e1", "e2"], result.Unmatched.Select(u => u.MenteeId));
    }
}
