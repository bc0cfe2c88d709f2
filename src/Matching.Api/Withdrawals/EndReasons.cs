namespace Mentoring.Matching.Api.Withdrawals;

/// <summary>Why a published pair ends: the reasons a coordinator gives, and the two the API records itself.</summary>
internal static class EndReasons
{
    public const string MenteeWithdrew = "mentee-withdrew";

    public const string MentorWithdrew = "mentor-withdrew";

    public const string Mismatch = "mismatch";

    public const string Other = "other";

    /// <summary>A re-match moved the pair's mentee or mentor to someone else.</summary>
    public const string Rematched = "rematched";

    /// <summary>A member's data was erased.</summary>
    public const string Erased = "erased";

    /// <summary>
    /// The assignments that end a live pair, for an <c>UPDATE pairs SET …</c> with parameters <c>@at</c> and <c>@reason</c>:
    /// it is ended with its reason, its credential stops working and it is no longer locked.
    /// </summary>
    public const string EndColumns = "ended_at = @at, end_reason = @reason, credential_hash = NULL, locked = 0";

    /// <summary>The reasons a coordinator may give when ending a pair.</summary>
    public static readonly IReadOnlyList<string> Given = [MenteeWithdrew, MentorWithdrew, Mismatch, Other];

    /// <summary>Every reason a pair can have ended for, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [.. Given, Rematched, Erased];
}
