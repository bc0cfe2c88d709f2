namespace Mentoring.Matching.Api.Cohorts;

/// <summary>One of a policy's lists of (mentee, mentor) pairs that a reviewer edits a pair at a time.</summary>
/// <param name="Name">Its name in URLs: <c>pins</c> or <c>forbids</c>.</param>
/// <param name="Verb">What adding a pair does, e.g. "Pin".</param>
/// <param name="PairsOf">Reads the list from a policy.</param>
/// <param name="WithPairs">The policy with the list replaced.</param>
internal sealed record PairList(
    string Name,
    string Verb,
    Func<MatchingPolicy, IReadOnlyList<PersonPair>> PairsOf,
    Func<MatchingPolicy, IReadOnlyList<PersonPair>, MatchingPolicy> WithPairs)
{
    /// <summary>Pairs always made.</summary>
    public static PairList Pins { get; } = new("pins", "Pin", p => p.PinnedPairs, (p, pairs) => p with { PinnedPairs = pairs });

    /// <summary>Pairs never made.</summary>
    public static PairList Forbids { get; } = new("forbids", "Forbid", p => p.ForbiddenPairs, (p, pairs) => p with { ForbiddenPairs = pairs });
}
