namespace Mentoring.Matching.Engine;

/// <summary>The engine's solver: successive shortest paths that repair the last optimum as pricing adds pairs.</summary>
internal sealed class IncrementalFlowSolver : IAssignmentSolver
{
    public string Name => "incremental shortest paths";

    public IRestrictedAssignment Start(int menteeCount, int[] mentorCapacity, PairProfit profit) =>
        new IncrementalFlow(menteeCount, mentorCapacity, profit);
}
