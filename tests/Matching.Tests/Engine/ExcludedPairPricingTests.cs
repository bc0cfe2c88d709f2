using Mentoring.Matching.Engine;
using static Mentoring.Matching.Tests.TestRosters;

namespace Mentoring.Matching.Tests;

/// <summary>
/// Pricing round after round: a pair that did not beat last round's prices must be found as soon as
/// its mentor's price falls, whether few prices fell (checked pair by pair) or many (every mentee
/// walks the index again), even though its mentee's value did not move.
/// </summary>
public sealed class ExcludedPairPricingTests
{
    private const long MatchWeight = 100;

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void A_pair_whose_mentor_became_cheaper_is_found(int cheaperMentors)
    {
        // Mentor 0 differs from the mentee on gender (score 1 + 1 shared slot); every other mentor on gender and ethnicity (score 3 + 1).
        var mentors = Enumerable.Range(0, 41).Select(j => Mentor($"m{j:00}", attributes: j == 0 ? "gender=f;ethnicity=a" : "gender=f;ethnicity=b"));
        var problem = MatchingProblem.Create(Roster([Mentee("e", attributes: "gender=m;ethnicity=a"), .. mentors]), Open("gender=1;ethnicity=2")).Compiled;
        var capacity = problem.MentorCapacity;
        var pricing = new ExcludedPairPricing(new MentorIndex(problem, capacity, [0]), [0], 0, MatchWeight);

        // The mentee holds mentor 0 at value M + 2; the others, at price 2, would give it M + 2 too: nothing gains.
        long[] value = [MatchWeight + 2];
        var price = Enumerable.Range(0, 41).Select(j => j == 0 ? 0L : 2L).ToArray();
        Assert.Empty(pricing.Price(value, price, CancellationToken.None).Added);

        // Now some of them are cheaper: M + 4 - 1 beats M + 2, with the mentee's value unchanged.
        var cheaper = price.ToArray();
        for (var j = 1; j <= cheaperMentors; j++)
        {
            cheaper[j] = 1;
        }

        var found = pricing.Price(value, cheaper, CancellationToken.None);

        Assert.Equal(Math.Min(cheaperMentors, ExcludedPairPricing.PairsPerMentee), found.Added.Count);
        Assert.All(found.Added, pair => Assert.InRange(pair.Mentor, 1, cheaperMentors));
        Assert.Equal(1, found.BestGains);
    }
}
