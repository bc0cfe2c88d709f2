namespace Mentoring.Matching;

/// <summary>A dimension on which a pair differs, with the weight it adds to the score.</summary>
/// <param name="Dimension">The attribute column.</param>
/// <param name="Weight">Its weight in the policy.</param>
public sealed record DimensionDifference(string Dimension, int Weight);

/// <summary>Why a pair scores what it does.</summary>
/// <param name="Differences">The dimensions the two differ on (both values known and unequal), in policy order.</param>
/// <param name="SharedSlots">The availability slots they share.</param>
/// <param name="SlotScore"><c>sharedSlotWeight × shared slots</c>.</param>
public sealed record PairExplanation(IReadOnlyList<DimensionDifference> Differences, IReadOnlyList<string> SharedSlots, int SlotScore)
{
    /// <summary>The sum of the weights of the dimensions they differ on.</summary>
    public int DimensionScore => Differences.Sum(d => d.Weight);

    /// <summary>The pair's score: <see cref="DimensionScore"/> + <see cref="SlotScore"/>.</summary>
    public int Score => DimensionScore + SlotScore;
}
