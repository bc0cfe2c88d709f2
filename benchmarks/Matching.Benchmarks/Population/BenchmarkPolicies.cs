namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>The policies the benchmarks run: the example instances' <c>default</c> and <c>strict</c>, and <c>fairness</c> (default with the fairness objective).</summary>
internal static class BenchmarkPolicies
{
    public static readonly IReadOnlyList<string> Names = ["default", "strict", "fairness"];

    private const string Default = """
        {
          "dimensions": {
            "ethnicity": 3,
            "gender": 2,
            "disability": 2,
            "lgbtq": 2,
            "age_band": 1
          },
          "minDifferences": 1,
          "requireDifferent": [],
          "minSharedSlots": 1,
          "sharedSlotWeight": 1,
          "minGradeGap": 2,
          "lineManagement": "chain",
          "forbidSameDepartment": false,
          "objective": "total"
        }
        """;

    private const string Strict = """
        {
          "dimensions": {
            "ethnicity": 4,
            "gender": 3,
            "disability": 2,
            "lgbtq": 2,
            "age_band": 1
          },
          "minDifferences": 2,
          "requireDifferent": [
            "ethnicity"
          ],
          "minSharedSlots": 2,
          "sharedSlotWeight": 0,
          "minGradeGap": 3,
          "lineManagement": "chain",
          "forbidSameDepartment": true,
          "objective": "total"
        }
        """;

    /// <summary>The policy's <c>policy.json</c> text.</summary>
    public static string Json(string name) => name switch
    {
        "default" => Default,
        "strict" => Strict,
        "fairness" => Default.Replace("\"objective\": \"total\"", "\"objective\": \"fairness\"", StringComparison.Ordinal),
        _ => throw new ArgumentException($"unknown policy '{name}'; use {string.Join(", ", Names)}", nameof(name)),
    };

    public static MatchingPolicy Get(string name) => PolicyJson.Parse(Json(name));
}
