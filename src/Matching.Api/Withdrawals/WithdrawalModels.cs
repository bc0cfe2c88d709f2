namespace Mentoring.Matching.Api.Withdrawals;

/// <summary>Ending a published pair.</summary>
/// <param name="Reason"><c>mentee-withdrew</c>, <c>mentor-withdrew</c>, <c>mismatch</c> or <c>other</c>. A withdrawal also takes that person out of the cohort.</param>
/// <param name="Note">The coordinator's own words, if any. Personal data: erasure removes it and reports never show it.</param>
internal sealed record EndPairRequest(string? Reason, string? Note);

/// <summary>What ending a pair did.</summary>
/// <param name="PairId">The pair that ended; its credential no longer works, its sessions stay in the report.</param>
/// <param name="Reason">Why.</param>
/// <param name="EndedAt">When.</param>
/// <param name="WithdrawnId">The person who withdrew from the cohort, if the reason was a withdrawal.</param>
/// <param name="AlsoEnded">The withdrawn person's other live pairs (a mentor with several mentees), ended for the same reason.</param>
internal sealed record PairEnded(long PairId, string Reason, DateTimeOffset EndedAt, string? WithdrawnId, IReadOnlyList<long> AlsoEnded);
