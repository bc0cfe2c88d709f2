namespace Mentoring.Matching.Engine;

/// <summary>
/// Solves one restricted assignment exactly: each mentee takes at most one of its candidate mentors,
/// each mentor at most its capacity; the most mentees matched, then the highest total score. The pricing loop around it decides which pairs are candidates and
/// proves the answer optimal for the whole pool; this is the one seam where another solver (say a
/// CP-SAT model for cohort-level rules) can take over.
/// </summary>
internal interface IAssignmentSolver
{
    /// <summary>A short name for run records.</summary>
    string Name { get; }

    /// <param name="menteeCount">Local mentees 0..menteeCount-1.</param>
    /// <param name="mentorCapacity">Capacity by mentor index; 0 means the mentor takes nobody.</param>
    /// <param name="arcs">The candidate pairs with their scores.</param>
    /// <returns>For each local mentee, the index of its chosen arc, or -1.</returns>
    int[] Solve(int menteeCount, int[] mentorCapacity, CandidateArcs arcs);
}
