namespace Mentoring.Matching.Tests;

/// <summary>Theory data that runs each case once with every <see cref="FlowSolver"/>.</summary>
internal static class EverySolver
{
    public static TheoryData<T, FlowSolver> With<T>(IEnumerable<T> cases)
    {
        var data = new TheoryData<T, FlowSolver>();
        foreach (var item in cases)
        {
            foreach (var solver in Enum.GetValues<FlowSolver>())
            {
                data.Add(item, solver);
            }
        }

        return data;
    }
}
