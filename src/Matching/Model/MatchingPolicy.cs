namespace Mentoring.Matching;

/// <summary>
/// The rules and weights of a scheme, as in the matching contract's <c>policy.json</c>.
/// Every property but <see cref="Dimensions"/> has the contract's default.
/// </summary>
public sealed record MatchingPolicy
{
    /// <summary>
    /// The largest weight a dimension or <see cref="SharedSlotWeight"/> may have. Scores stay small
    /// integers, so the exact arithmetic of the solver (profits of mentees × the highest score) can
    /// never overflow, even at 10^5 mentees.
    /// </summary>
    public const int MaxWeight = 1000;

    /// <summary>
    /// The largest magnitude a grade or <see cref="MinGradeGap"/> may have: far beyond any real grade
    /// scale, small enough that grade arithmetic never overflows.
    /// </summary>
    public const int MaxGrade = 1_000_000;

    /// <summary>The attribute columns that count, with integer weights from 0 to <see cref="MaxWeight"/>. Required.</summary>
    public required IReadOnlyDictionary<string, int> Dimensions { get; init; }

    /// <summary>A pair must differ on at least this many <see cref="Dimensions"/>. Default 1.</summary>
    public int MinDifferences { get; init; } = 1;

    /// <summary>Dimensions on which a pair must differ. Default none.</summary>
    public IReadOnlyList<string> RequireDifferent { get; init; } = [];

    /// <summary>A pair must share at least this many availability slots. Default 1.</summary>
    public int MinSharedSlots { get; init; } = 1;

    /// <summary>Score per shared slot, from 0 to <see cref="MaxWeight"/>. Default 1.</summary>
    public int SharedSlotWeight { get; init; } = 1;

    /// <summary><c>grade(mentee) - grade(mentor)</c> must be at least this (magnitude at most <see cref="MaxGrade"/>). Default 1.</summary>
    public int MinGradeGap { get; init; } = 1;

    /// <summary>How the reporting line keeps people apart. Default <see cref="LineManagementRule.Chain"/>.</summary>
    public LineManagementRule LineManagement { get; init; } = LineManagementRule.Chain;

    /// <summary>Bars pairs from the same (non-empty) department. Default false.</summary>
    public bool ForbidSameDepartment { get; init; }

    /// <summary>Pairs never made. Default none.</summary>
    public IReadOnlyList<PersonPair> ForbiddenPairs { get; init; } = [];

    /// <summary>Pairs always made; they use mentor capacity. Default none.</summary>
    public IReadOnlyList<PersonPair> PinnedPairs { get; init; } = [];

    /// <summary>What is maximised after the number of matched mentees (and current pairs kept). Default <see cref="MatchingObjective.Total"/>.</summary>
    public MatchingObjective Objective { get; init; } = MatchingObjective.Total;

    /// <summary>
    /// v2. Attribute columns where likeness counts: each value is a <c>;</c>-separated set, and a pair
    /// scores the weight (0 to <see cref="MaxWeight"/>) once per value the two share. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, int> Similarities { get; init; } = new Dictionary<string, int>();

    /// <summary>v2. Attribute columns on which a pair must share at least one value. Default none.</summary>
    public IReadOnlyList<string> RequireSame { get; init; } = [];

    /// <summary>
    /// v2. The pairs in place now: after the most mentees matched, the engine keeps as many of them as
    /// it can. Default none.
    /// </summary>
    public IReadOnlyList<PersonPair> CurrentPairs { get; init; } = [];

    /// <summary>v2. Cohort rule: at least this many pairs of the assignment differ on the dimension (a key of <see cref="Dimensions"/>). Default none.</summary>
    public IReadOnlyDictionary<string, int> MinCoverage { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// v2. Cohort rule: at most this many pairs of the assignment have their mentor in any one
    /// (non-empty) department. Default null: no limit.
    /// </summary>
    public int? MaxPairsPerMentorDepartment { get; init; }

    /// <summary>True when the policy has a cohort rule: a constraint on the assignment as a whole rather than on a pair.</summary>
    public bool HasCohortRules => MinCoverage.Count > 0 || MaxPairsPerMentorDepartment is not null;
}
