using System.Security.Cryptography;
using System.Text;
using Mentoring.Matching.Engine;

namespace Mentoring.Matching;

/// <summary>
/// A roster and a policy checked against each other and ready to solve. Create one with
/// <see cref="Create"/> (objects) or <see cref="Load"/> (the contract's files); both refuse bad
/// input with an <see cref="InvalidInputException"/> that names every row or field at fault.
/// </summary>
public sealed class MatchingProblem
{
    private MatchingProblem(Roster roster, MatchingPolicy policy)
    {
        Roster = roster;
        Policy = policy;
        Compiled = new CompiledProblem(roster, policy);
        InputHash = HashInput(roster, policy);
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
    public static MatchingProblem Load(string peoplePath, string policyPath) =>
        Create(PeopleCsv.Read(peoplePath), PolicyJson.Read(policyPath));

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
        errors.AddRange(RosterChecks.Find(roster, (i, field) => new InputError("people", null, $"people[{i}].{field}", string.Empty)));
        errors.ThrowIfAny();
        errors.AddRange(PolicyChecks.Find(roster, policy));
        errors.ThrowIfAny();
        return new MatchingProblem(roster, policy);
    }

    private static string HashInput(Roster roster, MatchingPolicy policy)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(string? value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value ?? string.Empty));
            hash.AppendData([0x1F]);
        }

        foreach (var column in roster.AttributeColumns)
        {
            Append(Text.Normalize(column));
        }

        foreach (var person in roster.People)
        {
            Append(person.Id);
            Append(person.Name);
            Append(person.Role.ToString());
            Append(person.Grade?.ToString());
            Append(person.Department);
            Append(person.ManagerId);
            Append(person.Capacity.ToString());
            // In the given order: it decides the order of slots in explanations.
            Append(string.Join(';', person.Availability.Select(Text.Normalize)));
            foreach (var (name, value) in person.Attributes.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase))
            {
                Append(Text.Normalize(name));
                Append(value);
            }

            hash.AppendData([0x1E]);
        }

        Append(PolicyJson.ToJson(policy));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
