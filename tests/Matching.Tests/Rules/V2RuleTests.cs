using static Mentoring.Matching.Tests.TestRosters;

namespace Mentoring.Matching.Tests;

/// <summary>
/// Contract v2 rules on rosters small enough to see the answer by eye; each case here was found by the
/// v2 brute-force family (<see cref="BruteForceV2PropertyTests"/>) and minimised.
/// </summary>
public sealed class V2RuleTests
{
    private const string ForbiddenReason = "paired in the 2025 cohort";

    [Fact]
    public void A_forbidden_pair_listed_twice_shows_the_reason_given_even_when_its_first_listing_has_none()
    {
        // Found by contract-v2 seed 158: the listing without a reason hid the one with it.
        var roster = Roster(Mentee("e"), Mentor("m"));
        var forbidden = new[] { new PersonPair("e", "m"), new PersonPair("e", "m") { Reason = ForbiddenReason } };

        var current = Solve(roster, Open() with { ForbiddenPairs = forbidden, CurrentPairs = Pairs(("e", "m")) });
        var pinned = Solve(roster, Open() with { ForbiddenPairs = forbidden, PinnedPairs = Pairs(("e", "m")) });

        var notKept = Assert.Single(current.CurrentPairsNotKept);
        Assert.Equal(PairRule.ForbiddenPairs, notKept.Rule);
        Assert.Contains(ForbiddenReason, notKept.Reason, StringComparison.Ordinal);
        Assert.Equal(MatchStatus.Infeasible, pinned.Status);
        Assert.Contains(ForbiddenReason, pinned.InfeasibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_current_pairs_on_a_mentor_with_one_place_tie_and_the_one_not_kept_says_so()
    {
        // Found by contract-v2 seeds 46, 167 and others: the pair not kept claimed it gave way for more matched.
        var result = Solve(Roster(Mentee("e1"), Mentee("e2"), Mentor("m")), Open() with { CurrentPairs = Pairs(("e1", "m"), ("e2", "m")) });

        Assert.Equal((1, 1), (result.Matched, result.Kept));
        var notKept = Assert.Single(result.CurrentPairsNotKept);
        var kept = Assert.Single(result.Pairs).MenteeId;
        Assert.Equal(CurrentPairOutcome.GaveWayInTie, notKept.Outcome);
        Assert.EndsWith($"m's places went to other current pairs: {kept}", notKept.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_pair_that_gives_its_mentor_to_another_for_a_higher_total_says_so()
    {
        // Keeping e1-m1 puts e2 with m2, a pair that differs on nothing: as many matched and kept, a lower total.
        var roster = Roster(
            Mentee("e1", attributes: "gender=a"),
            Mentee("e2", attributes: "gender=b"),
            Mentor("m1", attributes: "gender=a"),
            Mentor("m2", attributes: "gender=b"));

        var result = Solve(roster, Open() with { CurrentPairs = Pairs(("e1", "m1"), ("e2", "m1")) });

        Assert.Equal((2, 1, 4L), (result.Matched, result.Kept, result.Total));
        var notKept = Assert.Single(result.CurrentPairsNotKept);
        Assert.Equal(("e1", "m1"), (notKept.MenteeId, notKept.MentorId));
        Assert.Equal(CurrentPairOutcome.GaveWayForBetterScore, notKept.Outcome);
        Assert.StartsWith("it gave way for a higher total score", notKept.Reason, StringComparison.Ordinal);
        Assert.EndsWith("m1's places went to other current pairs: e2", notKept.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_fairness_a_current_pair_that_would_set_the_floor_itself_is_compared_at_that_floor()
    {
        // e1 and e2 are alike and both current with m (score 1, the floor either way): a tie. Pinned, e1-m
        // leaves the floor, and the rest would raise theirs to 3 for a total of 7, not 9: compared so,
        // the tie would read as giving way for a higher total.
        var roster = Roster(
            Mentee("e1", attributes: "a=0;b=0;c=0"),
            Mentee("e2", attributes: "a=0;b=0;c=0"),
            Mentee("e3", attributes: "a=1;b=0;c=1"),
            Mentor("m", attributes: "a=0;b=0;c=0"),
            Mentor("mb", attributes: "a=1;b=0;c=0"),
            Mentor("mc", attributes: "a=0;b=1;c=0"));
        var policy = Open("a=1;b=2;c=2") with { Objective = MatchingObjective.Fairness, CurrentPairs = Pairs(("e1", "m"), ("e2", "m")) };

        var result = Solve(roster, policy);

        Assert.Equal((3, 1, 1, 9L), (result.Matched, result.Kept, result.MinScore, result.Total));
        var notKept = Assert.Single(result.CurrentPairsNotKept);
        Assert.Equal(CurrentPairOutcome.GaveWayInTie, notKept.Outcome);
    }

    [Fact]
    public void A_current_pair_whose_keeping_would_move_two_others_says_it_gave_way_to_other_current_pairs()
    {
        // Keeping e1-m1 moves e2 off m1; e2 may not go to m3, so it takes m4 from e3, who goes to m3:
        // as many matched, one current pair kept instead of two.
        var roster = Roster(Mentee("e1"), Mentee("e2"), Mentee("e3"), Mentor("m1"), Mentor("m3"), Mentor("m4"));
        var policy = Open() with { ForbiddenPairs = Pairs(("e2", "m3")), CurrentPairs = Pairs(("e1", "m1"), ("e2", "m1"), ("e3", "m4")) };

        var result = Solve(roster, policy);

        Assert.Equal((3, 2), (result.Matched, result.Kept));
        var notKept = Assert.Single(result.CurrentPairsNotKept);
        Assert.Equal(("e1", "m1", CurrentPairOutcome.GaveWayToOtherCurrentPairs), (notKept.MenteeId, notKept.MentorId, notKept.Outcome));
        Assert.Equal("it gave way so that more current pairs could be kept: keeping it, at most 1 could be, not 2; m1's places went to other current pairs: e2", notKept.Reason);
    }
}
