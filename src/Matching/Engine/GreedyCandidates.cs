namespace Mentoring.Matching.Engine;

/// <summary>
/// A first-come, best-available pass that gives each mentee one mentor who still has room. Its
/// pairs join the first candidates so the first solve already matches nearly everyone: without
/// them, mentees of common profiles all list the same few rare, high-scoring mentors, most stay
/// unmatched in the first solve, and pricing needs many rounds to find them alternatives.
/// </summary>
internal static class GreedyCandidates
{
    /// <returns>For each mentee (aligned with <paramref name="mentees"/>), a mentor with room and the score, or (-1, 0).</returns>
    public static (int Mentor, int Score)[] Find(MentorIndex index, int[] mentees, int[] mentorCapacity, int scoreFloor, CancellationToken cancellationToken)
    {
        var room = (int[])mentorCapacity.Clone();
        var picks = new (int Mentor, int Score)[mentees.Length];
        for (var k = 0; k < mentees.Length; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            picks[k] = (-1, 0);
            var cursor = index.Cursor(mentees[k], scoreFloor);
            while (cursor.MoveNext(-1))
            {
                if (room[cursor.Mentor] > 0)
                {
                    room[cursor.Mentor]--;
                    picks[k] = (cursor.Mentor, cursor.Score);
                    break;
                }
            }
        }

        return picks;
    }
}
