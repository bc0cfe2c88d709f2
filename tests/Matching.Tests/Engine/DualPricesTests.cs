using Mentoring.Matching.Engine;

namespace Mentoring.Matching.Tests;

/// <summary>The dual prices certify only an optimal flow: handed anything else, they refuse rather than loop or lie.</summary>
public sealed class DualPricesTests
{
    [Fact]
    public void Prices_of_an_optimal_assignment_satisfy_complementary_slackness()
    {
        var (arcs, profit) = OneMenteeTwoMentors();

        var potential = DualPrices.Compute(1, [1, 1], arcs, profit, chosen: [1]);

        var value = -potential[0];
        var price = potential[1..3];
        Assert.Equal(profit[1], value + price[1]);
        Assert.True(value + price[0] >= profit[0]);
        Assert.Equal(0, price[0]);
    }

    [Fact]
    public void Prices_of_an_assignment_that_is_not_optimal_are_refused()
    {
        var (arcs, profit) = OneMenteeTwoMentors();

        Assert.Throws<InvalidOperationException>(() => DualPrices.Compute(1, [1, 1], arcs, profit, chosen: [0]));
    }

    /// <summary>One mentee who scores 1 with mentor 0 and 5 with mentor 1, both free.</summary>
    private static (CandidateArcs Arcs, long[] Profit) OneMenteeTwoMentors()
    {
        const long bigM = 6;
        var arcs = new CandidateArcs();
        arcs.Add(0, 0, 1);
        arcs.Add(0, 1, 5);
        return (arcs, [bigM + 1, bigM + 5]);
    }
}
