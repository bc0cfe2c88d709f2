namespace Mentoring.Matching;

/// <summary>
/// The exact solver behind each pricing round. Both find the same optimum and the same dual
/// certificate backs either; they differ only in speed.
/// </summary>
public enum FlowSolver
{
    /// <summary>
    /// Successive shortest paths that keep the last round's optimum and dual prices and repair them
    /// as pairs are added: the default, and the fastest at every size measured.
    /// </summary>
    IncrementalShortestPaths,

    /// <summary>
    /// OR-Tools' maximum flow with minimum cost, solving each round from scratch: an independent
    /// solver to compare against.
    /// </summary>
    OrToolsMinCostFlow,
}
