namespace Mentoring.Matching.Api.Sessions;

/// <summary>A mentoring session to log or correct.</summary>
/// <param name="Date">The day it was held (ISO date), not in the future.</param>
/// <param name="Minutes">How long it lasted, 1 to 600.</param>
/// <param name="Topics">Codes from the cohort's topic list (GET /pairs/{pairId}/topics), e.g. <c>college-culture</c>.</param>
/// <param name="OtherTopic">Anything else discussed, in a few words (implies the <c>other</c> topic). Never shown in reports.</param>
internal sealed record SessionRequest(DateOnly? Date, int? Minutes, IReadOnlyList<string>? Topics, string? OtherTopic);

/// <summary>A logged session.</summary>
/// <param name="Id">The session's id.</param>
/// <param name="PairId">The pair it belongs to.</param>
/// <param name="Date">The day it was held.</param>
/// <param name="Minutes">How long it lasted.</param>
/// <param name="Topics">Topic codes covered.</param>
/// <param name="OtherTopic">The free "other" text, if any.</param>
/// <param name="CreatedAt">When it was logged.</param>
/// <param name="UpdatedAt">When it was last corrected.</param>
internal sealed record SessionView(long Id, long PairId, DateOnly Date, int Minutes, IReadOnlyList<string> Topics, string? OtherTopic, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A session that passed validation, ready to store.</summary>
internal sealed record SessionEntry(DateOnly Date, int Minutes, IReadOnlyList<string> Topics, string? OtherTopic);
