namespace Mentoring.Matching.Engine;

/// <summary>
/// Solves restricted assignments exactly: each mentee takes at most one of its candidate mentors,
/// each mentor at most its capacity; the most mentees matched, then the highest total score. The
/// pricing loop around it decides which pairs are candidates and proves the answer optimal for the
/// whole pool; this is the one seam where another solver can take over.
/// </summary>
internal interface IAssignmentSolver
{
    /// <summary>A short name for run records.</summary>
    string Name { get; }

    /// <summary>Starts one restricted problem, which the pricing loop then solves round after round.</summary>
    /// <param name="menteeCount">Local mentees 0..menteeCount-1.</param>
    /// <param name="mentorCapacity">Capacity by mentor index; 0 means the mentor takes nobody.</param>
    /// <param name="profit">
    /// Each pair's profit, <c>M + K × kept + score</c> (<see cref="PairProfit"/>), so one more match always
    /// outweighs any number of kept pairs and any gain in score.
    /// </param>
    IRestrictedAssignment Start(int menteeCount, int[] mentorCapacity, PairProfit profit);
}

/// <summary>One restricted assignment, solved each pricing round on the candidates so far.</summary>
internal interface IRestrictedAssignment
{
    /// <param name="arcs">The candidate pairs: those of the last call, perhaps with more after them.</param>
    /// <param name="cancellationToken">Stops the solve.</param>
    /// <returns>The optimal choice on these arcs with the dual prices that prove it.</returns>
    RestrictedSolution Solve(CandidateArcs arcs, CancellationToken cancellationToken);
}
