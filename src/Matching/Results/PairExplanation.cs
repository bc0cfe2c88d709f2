namespace Mentoring.Matching;

/// <summary>A dimension on which a pair differs, with the weight it adds to the score.</summary>
/// <param name="Dimension">The attribute column.</param>
/// <param name="Weight">Its weight in the policy.</param>
public sealed record DimensionDifference(string Dimension, int Weight);

/// <summary>v2: the values a pair shares in a <c>similarities</c> column, with the weight each adds.</summary>
/// <param name="Column">The attribute column.</param>
/// <param name="Values">The shared values (normalized), in the order the roster first shows them.</param>
/// <param name="Weight">Its weight in the policy: the column adds <c>weight × values</c>.</param>
public sealed record SharedValues(string Column, IReadOnlyList<string> Values, int Weight)
{
    /// <summary>What the column adds to the score.</summary>
    public int Score => Weight * Values.Count;
}

/// <summary>Why a pair scores what it does.</summary>
/// <param name="Differences">The dimensions the two differ on (both values known and unequal), in policy order.</param>
/// <param name="SharedSlots">The availability slots they share.</param>
/// <param name="SlotScore"><c>sharedSlotWeight × shared slots</c>.</param>
public sealed record PairExplanation(IReadOnlyList<DimensionDifference> Differences, IReadOnlyList<string> SharedSlots, int SlotScore)
{
    /// <summary>The sum of the weights of the dimensions they differ on.</summary>
    public int DimensionScore => Differences.Sum(d => d.Weight);

    /// <summary>v2: the values shared in each <c>similarities</c> column (those with a shared value), in policy order.</summary>
    public IReadOnlyList<SharedValues> Similarities { get; init; } = [];

    /// <summary>v2: what the shared values add, <c>Σ weight × shared values</c>.</summary>
    public int SimilarityScore => Similarities.Sum(s => s.Score);

    /// <summary>The pair's score: <see cref="DimensionScore"/> + <see cref="SimilarityScore"/> + <see cref="SlotScore"/>.</summary>
    public int Score => DimensionScore + SimilarityScore + SlotScore;
}
