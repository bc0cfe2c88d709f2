using System.Text.Json;
using Mentoring.Matching.Api.Runs;
using Mentoring.Matching.Api.Web.Runs;

namespace Mentoring.Matching.Web.Tests;

/// <summary>The review's words for an alternative's or a what-if's optimum against the run's own.</summary>
public sealed class FiguresTextTests
{
    [Fact]
    public void A_lower_total_is_said_as_how_much_less()
    {
        Assert.Equal("10 matched, total 82: 2 less in total", FiguresText.Versus(Alternative("Optimal", 10, 0, 82), Run(10, 0, 84)));
    }

    [Fact]
    public void More_matched_and_a_lower_total_are_both_said()
    {
        Assert.Equal("11 matched, total 80: 1 more matched, 4 less in total", FiguresText.Versus(Alternative("Optimal", 11, 0, 80), Run(10, 0, 84)));
    }

    [Fact]
    public void A_rematch_says_how_many_are_kept()
    {
        Assert.Equal("3 matched, 1 kept, total 6: 1 fewer kept", FiguresText.Versus(Alternative("Optimal", 3, 1, 6), Run(3, 2, 6)));
    }

    [Fact]
    public void The_same_figures_are_said_as_such_and_an_unproven_optimum_says_so()
    {
        Assert.Equal("3 matched, total 7: the same as this run (not proven best)", FiguresText.Versus(Alternative("Feasible", 3, 0, 7), Run(3, 0, 7)));
    }

    [Fact]
    public void An_infeasible_change_has_no_figures()
    {
        Assert.Equal("no pairing possible", FiguresText.Versus(Alternative("Infeasible", 0, 0, 0), Run(3, 0, 7)));
    }

    [Fact]
    public void A_what_if_change_is_its_field_and_value()
    {
        Assert.Equal("minSharedSlots 0", FiguresText.Change(JsonDocument.Parse("""{ "minSharedSlots": 0 }""").RootElement));
        Assert.Equal("requireDifferent []", FiguresText.Change(JsonDocument.Parse("""{ "requireDifferent": [] }""").RootElement));
    }

    private static RunAlternative Alternative(string status, int matched, int kept, long total) => new("T9", status, matched, kept, MinScore: 1, total);

    private static RunResult Run(int matched, int kept, long total) =>
        new("Optimal", null, null, matched, total, MinScore: 1, [], [], new RunRecord(0, 0, 0, 0, 0, 0, "", "", "", JsonDocument.Parse("{}").RootElement), kept);
}
