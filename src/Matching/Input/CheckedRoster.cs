namespace Mentoring.Matching;

/// <summary>A roster that passed <see cref="RosterChecks"/>, with what the checks learned on the way.</summary>
/// <param name="Roster">The people.</param>
/// <param name="Managers">Each person's manager as an index into <see cref="Roster.People"/>, or -1 at the top.</param>
internal sealed record CheckedRoster(Roster Roster, int[] Managers);
