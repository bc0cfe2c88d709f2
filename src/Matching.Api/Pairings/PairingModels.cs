namespace Mentoring.Matching.Api.Pairings;

/// <summary>A published cohort's new pairs, each with its logging credential. The credentials are shown only here, once.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="RunId">The run whose pairs were published.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Pairs">The new pairs and their credentials (a re-match lists only the pairs it made).</param>
/// <param name="Kept">A re-match: the live pairs it kept, with their ids, credentials and sessions.</param>
/// <param name="Ended">A re-match: the live pairs it moved, now ended as <c>rematched</c>.</param>
internal sealed record Publication(long CohortId, long RunId, DateTimeOffset PublishedAt, IReadOnlyList<PairCredential> Pairs, IReadOnlyList<long> Kept, IReadOnlyList<long> Ended);

/// <summary>A pair's logging credential: send it as <c>Authorization: Bearer &lt;credential&gt;</c> to log that pair's sessions.</summary>
/// <param name="PairId">The pair.</param>
/// <param name="MenteeId">Its mentee.</param>
/// <param name="MentorId">Its mentor.</param>
/// <param name="Credential">The secret; only its hash is stored, so it cannot be shown again (issue a new one instead).</param>
internal sealed record PairCredential(long PairId, string MenteeId, string MentorId, string Credential)
{
    /// <summary>
    /// The pair's personal link: the web app's pair page with the credential in the fragment, which browsers never
    /// send to the server, so the credential stays out of every request line and log. Empty once the pair ended.
    /// </summary>
    public string Link => Credential.Length == 0 ? "" : $"{PairLink.PagePath}#{Credential}";
}

/// <summary>A published pair as the coordinator sees it.</summary>
/// <param name="PairId">The pair.</param>
/// <param name="MenteeId">Its mentee.</param>
/// <param name="MentorId">Its mentor.</param>
/// <param name="Score">The pair's score in the published run.</param>
/// <param name="Differences">The dimensions the two differ on.</param>
/// <param name="Sessions">Sessions logged.</param>
/// <param name="Minutes">Minutes logged.</param>
/// <param name="CanLog">False once the pair ended.</param>
/// <param name="PublishedAt">When the pair was published.</param>
/// <param name="LastSessionOn">The day of its latest session, or null before the first.</param>
/// <param name="EndedAt">When it ended, or null while it runs.</param>
/// <param name="EndReason">Why it ended: <c>mentee-withdrew</c>, <c>mentor-withdrew</c>, <c>mismatch</c>, <c>other</c>, <c>rematched</c> (a re-match moved it) or <c>erased</c>.</param>
/// <param name="Locked">True when a re-match must keep it (it is pinned).</param>
internal sealed record PairView(
    long PairId,
    string MenteeId,
    string MentorId,
    int Score,
    IReadOnlyList<string> Differences,
    int Sessions,
    int Minutes,
    bool CanLog,
    DateTimeOffset PublishedAt,
    DateOnly? LastSessionOn,
    DateTimeOffset? EndedAt,
    string? EndReason,
    bool Locked);
