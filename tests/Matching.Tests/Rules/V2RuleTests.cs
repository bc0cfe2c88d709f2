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
}
