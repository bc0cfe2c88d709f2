using Mentoring.Matching.Api.Withdrawals;

namespace Mentoring.Matching.Api.Web.Pairs;

/// <summary>Why a pair ended, in plain words for the pages (the API's codes are in <see cref="EndReasons"/>).</summary>
internal static class EndReasonWords
{
    /// <summary>The reasons a coordinator may give, as the end form's choices.</summary>
    public static IReadOnlyList<(string Value, string Text)> Choices { get; } =
    [
        (EndReasons.MenteeWithdrew, "The mentee withdrew (they leave the cohort)"),
        (EndReasons.MentorWithdrew, "The mentor withdrew (they leave the cohort)"),
        (EndReasons.Mismatch, "The pair did not work out (both stay; this pair is not proposed again)"),
        (EndReasons.Other, "Another reason"),
    ];

    /// <summary>Why a pair ended, short, for the pairs table.</summary>
    public static string Of(string? reason) => reason switch
    {
        EndReasons.MenteeWithdrew => "the mentee withdrew",
        EndReasons.MentorWithdrew => "the mentor withdrew",
        EndReasons.Mismatch => "did not work out",
        EndReasons.Other => "another reason",
        EndReasons.Rematched => "moved by a re-match",
        EndReasons.Erased => "a member's data was erased",
        null => "no reason recorded",
        _ => reason,
    };
}
