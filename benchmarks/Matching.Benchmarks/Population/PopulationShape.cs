using System.Globalization;

namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>
/// What kind of cohort the generator draws (<c>generate --shape NAME</c>): the slots people may offer and how
/// many, the departments and how wide the org chart is, mentor capacities, and how alike the people are. Each
/// shape changes one thing from <see cref="Mix"/>, today's mix, so a slow shape points at the thing that slows it.
/// </summary>
internal sealed record PopulationShape(
    string Name,
    string[] Slots,
    int FewestSlots,
    WeightedChoice SlotCount,
    string[] Departments,
    WeightedChoice Department,
    int SpanOfControl,
    int[] CapacityValues,
    WeightedChoice Capacity,
    double AlikeShare)
{
    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri"];

    private static readonly string[] DayQuarters = ["early", "am", "pm", "late"];

    /// <summary>Today's mix: 2-6 of ten half-days, ten departments, mostly capacity 1, attributes as in context/004.</summary>
    public static readonly PopulationShape Mix = new(
        "mix",
        WorkforceMix.Slots,
        WorkforceMix.FewestSlots,
        WorkforceMix.SlotCount,
        WorkforceMix.Departments,
        WorkforceMix.Department,
        WorkforceMix.SpanOfControl,
        WorkforceMix.CapacityValues,
        WorkforceMix.Capacity,
        AlikeShare: 0);

    /// <summary>8-10 of the ten half-days: nearly every pair shares most slots, so scores tie everywhere.</summary>
    public static readonly PopulationShape Dense = Mix with { Name = "dense", FewestSlots = 8, SlotCount = new(40, 35, 25) };

    /// <summary>1-2 of twenty slots (four a weekday): most pairs share none, many mentees have no feasible mentor.</summary>
    public static readonly PopulationShape Sparse = Mix with
    {
        Name = "sparse",
        Slots = WeekdayQuarters(),
        FewestSlots = 1,
        SlotCount = new(60, 40),
    };

    /// <summary>
    /// Most people (85%) have the majority's attributes, so mentors who differ from a senior are scarce and contested.
    /// </summary>
    public static readonly PopulationShape Skewed = Mix with { Name = "skewed", AlikeShare = 0.85 };

    /// <summary>Every mentor takes 1-5 mentees, fewer more often.</summary>
    public static readonly PopulationShape Capacities = Mix with
    {
        Name = "capacity",
        CapacityValues = [1, 2, 3, 4, 5],
        Capacity = new(30, 25, 20, 15, 10),
    };

    /// <summary>Sixty departments of equal size, two reports a manager: long, narrow reporting chains.</summary>
    public static readonly PopulationShape TallOrgChart = Mix with
    {
        Name = "tall",
        Departments = [.. Enumerable.Range(1, 60).Select(d => string.Create(CultureInfo.InvariantCulture, $"Unit {d:00}"))],
        Department = new([.. Enumerable.Repeat(1.0, 60)]),
        SpanOfControl = 2,
    };

    public static readonly PopulationShape[] All = [Mix, Dense, Sparse, Skewed, Capacities, TallOrgChart];

    public static PopulationShape Get(string name) =>
        All.FirstOrDefault(shape => shape.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown shape '{name}' (use {string.Join(", ", All.Select(s => s.Name))})", nameof(name));

    private static string[] WeekdayQuarters() => [.. Weekdays.SelectMany(day => DayQuarters.Select(part => day + "-" + part))];
}
