using Mentoring.Matching.Engine;

namespace Mentoring.Matching;

/// <summary>
/// A roster and a policy checked against each other and ready to solve. Create one with
/// <see cref="Create"/> (objects) or <see cref="Load"/> (the contract's files); both refuse bad
/// input with an <see cref="InvalidInputException"/> that names every row or field at fault.
/// </summary>
public sealed class MatchingProblem
{
    private readonly CheckedRoster _checkedRoster;

    private MatchingProblem(CheckedRoster checkedRoster, MatchingPolicy policy, bool hash = true)
    {
        _checkedRoster = checkedRoster;
        var roster = checkedRoster.Roster;
        Roster = roster;
        Policy = policy;
        // Independent work on a large roster: hash on one core while the other compiles.
        CompiledProblem? compiled = null;
        var inputHash = string.Empty;
        Parallel.Invoke(() => compiled = new CompiledProblem(checkedRoster, policy), () => inputHash = hash ? InputHashing.Hash(roster, policy) : string.Empty);
        Compiled = compiled!;
        InputHash = inputHash;
    }

    /// <summary>
    /// The same roster under a changed policy (an alternative's extra pin, a what-if's relaxation):
    /// checked again, compiled again, not hashed, since only its optimum is reported.
    /// </summary>
    internal MatchingProblem WithPolicy(MatchingPolicy policy)
    {
        var errors = new InputErrorList();
        errors.AddRange(PolicyChecks.Find(Roster, policy));
        errors.ThrowIfAny();
        return new MatchingProblem(_checkedRoster, policy, hash: false);
    }

    /// <summary>Everyone in the org chart.</summary>
    public Roster Roster { get; }

    /// <summary>The rules and weights.</summary>
    public MatchingPolicy Policy { get; }

    /// <summary>SHA-256 (hex) of the normalized roster and policy: the same input always has the same hash.</summary>
    public string InputHash { get; }

    internal CompiledProblem Compiled { get; }

    /// <summary>Reads <c>people.csv</c> and <c>policy.json</c> and checks them against each other.</summary>
    /// <exception cref="InvalidInputException">Either file, or the two together, are invalid.</exception>
    public static MatchingProblem Load(string peoplePath, string policyPath)
    {
        // PeopleCsv has run the roster checks already; only the policy is left to check against it.
        var roster = PeopleCsv.ReadChecked(peoplePath);
        var policy = PolicyJson.Read(policyPath);
        return Checked(roster, policy);
    }

    /// <summary>Checks a roster and a policy against each other.</summary>
    /// <exception cref="InvalidInputException">
    /// The roster has duplicate or empty ids, unknown managers or reporting cycles; or the policy
    /// names a column that does not exist, has a weight outside 0 to <see cref="MatchingPolicy.MaxWeight"/> or
    /// a grade or grade gap beyond <see cref="MatchingPolicy.MaxGrade"/>, pins a mentee twice, or pins or
    /// forbids someone who is not a mentee or mentor. Every error found is listed.
    /// </exception>
    public static MatchingProblem Create(Roster roster, MatchingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new InputErrorList();
        var managers = new int[roster.People.Count];
        errors.AddRange(RosterChecks.Find(roster, (i, field) => new InputError("people", null, $"people[{i}].{field}", string.Empty), managers));
        errors.ThrowIfAny();
        return Checked(new CheckedRoster(roster, managers), policy);
    }

    private static MatchingProblem Checked(CheckedRoster roster, MatchingPolicy policy)
    {
        var errors = new InputErrorList();
        errors.AddRange(PolicyChecks.Find(roster.Roster, policy));
        errors.ThrowIfAny();
        return new MatchingProblem(roster, policy);
    }
}
