namespace Mentoring.Matching.Engine;

/// <summary>
/// Mentors grouped by attribute profile, so a mentee's candidates can be found best-first without
/// looking at every mentor. Two people with the same attribute codes score the same on every
/// dimension against anyone, so the dimension rules and weights are settled once per pair of
/// profiles (a few hundred thousand pairs at most) instead of once per pair of people. Within a
/// profile, mentors are sorted by grade, so the grade gap cuts each profile to a prefix.
/// </summary>
internal sealed class MentorIndex
{
    private readonly int[] _profileStart;
    private readonly int[] _profileMaxSlots;
    private readonly int[] _menteeProfile;
    private readonly Dictionary<int, Ranking> _rankings;

    /// <param name="problem">The problem.</param>
    /// <param name="mentorCapacity">Capacity by mentor; mentors with none are left out.</param>
    /// <param name="mentees">The mentees that will ask for candidates.</param>
    public MentorIndex(CompiledProblem problem, int[] mentorCapacity, IEnumerable<int> mentees)
    {
        Problem = problem;
        var profileIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentorsByProfile = new List<List<int>>();
        for (var mentor = 0; mentor < problem.MentorCount; mentor++)
        {
            if (mentorCapacity[mentor] <= 0)
            {
                continue;
            }

            var key = ProfileKey(problem.MentorProfile(mentor));
            if (!profileIds.TryGetValue(key, out var profile))
            {
                profileIds[key] = profile = mentorsByProfile.Count;
                mentorsByProfile.Add([]);
            }

            mentorsByProfile[profile].Add(mentor);
        }

        _profileStart = new int[mentorsByProfile.Count + 1];
        _profileMaxSlots = new int[mentorsByProfile.Count];
        Members = new int[mentorsByProfile.Sum(m => m.Count)];
        MemberGrade = new int[Members.Length];
        var fill = 0;
        for (var profile = 0; profile < mentorsByProfile.Count; profile++)
        {
            _profileStart[profile] = fill;
            foreach (var mentor in mentorsByProfile[profile].OrderBy(problem.MentorGrade).ThenBy(m => m))
            {
                Members[fill] = mentor;
                MemberGrade[fill] = problem.MentorGrade(mentor);
                _profileMaxSlots[profile] = Math.Max(_profileMaxSlots[profile], problem.MentorSlotCount(mentor));
                fill++;
            }
        }

        _profileStart[mentorsByProfile.Count] = fill;
        var representatives = mentorsByProfile.Select(m => m[0]).ToArray();

        _menteeProfile = new int[problem.MenteeCount];
        _rankings = [];
        var menteeProfileIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mentee in mentees)
        {
            var key = ProfileKey(problem.MenteeProfile(mentee));
            if (!menteeProfileIds.TryGetValue(key, out var profile))
            {
                menteeProfileIds[key] = profile = menteeProfileIds.Count;
                _rankings[profile] = RankProfiles(problem, mentee, representatives);
            }

            _menteeProfile[mentee] = profile;
        }
    }

    public CompiledProblem Problem { get; }

    /// <summary>Mentors, profile by profile, by rising grade within a profile.</summary>
    internal int[] Members { get; }

    /// <summary>The grade of each entry of <see cref="Members"/>.</summary>
    internal int[] MemberGrade { get; }

    /// <summary>A cursor over the mentee's feasible mentors, best profiles first.</summary>
    public MentorCursor Cursor(int mentee) => new(this, mentee, _rankings[_menteeProfile[mentee]]);

    internal int ProfileStart(int profile) => _profileStart[profile];

    internal int ProfileEnd(int profile) => _profileStart[profile + 1];

    internal int ProfileMaxSlots(int profile) => _profileMaxSlots[profile];

    /// <summary>The mentor profiles that pass the dimension rules against this mentee's, by falling dimension score.</summary>
    private static Ranking RankProfiles(CompiledProblem problem, int mentee, int[] representatives)
    {
        var ranked = new List<(int Profile, int Score)>();
        for (var profile = 0; profile < representatives.Length; profile++)
        {
            var score = problem.DimensionScoreIfDifferentEnough(mentee, representatives[profile]);
            if (score >= 0)
            {
                ranked.Add((profile, score));
            }
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Profile.CompareTo(b.Profile));
        return new Ranking(ranked.Select(r => r.Profile).ToArray(), ranked.Select(r => r.Score).ToArray());
    }

    private static string ProfileKey(ReadOnlySpan<int> codes) => string.Join(',', codes.ToArray());

    /// <summary>Mentor profiles in the order one mentee profile should visit them.</summary>
    internal sealed record Ranking(int[] Profiles, int[] DimensionScores);
}
