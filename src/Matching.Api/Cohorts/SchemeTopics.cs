namespace Mentoring.Matching.Api.Cohorts;

/// <summary>A topic a mentoring session can cover.</summary>
/// <param name="Code">The stable code sessions use, e.g. <c>college-culture</c>.</param>
/// <param name="Label">The words shown to people.</param>
internal sealed record Topic(string Code, string Label);

/// <summary>
/// The topics every cohort starts with: those the first cohort of Imperial's reverse-mentoring scheme
/// discussed, plus <c>other</c> for anything else (described in a session's free text).
/// </summary>
internal static class SchemeTopics
{
    /// <summary>The code of the catch-all topic.</summary>
    public const string Other = "other";

    public static IReadOnlyList<Topic> All { get; } =
    [
        new("sharing-experiences", "Sharing of experiences and perspectives"),
        new("sexism-and-racism", "Sexism and racism within the College"),
        new("lgbtq-and-disability", "LGBTQ+ and disability issues"),
        new("black-lives-matter", "Impact of and reactions to Black Lives Matter"),
        new("power-and-hierarchies", "Power and hierarchies"),
        new("college-culture", "College culture"),
        new(Other, "Other"),
    ];
}
