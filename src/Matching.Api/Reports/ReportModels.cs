namespace Mentoring.Matching.Api.Reports;

/// <summary>
/// The figures an EDI Centre reads about a cohort. Only aggregates, never a pair or a person; every count is a
/// string, and a count below 5 is "&lt;5".
/// </summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status"><c>draft</c> or <c>published</c>.</param>
/// <param name="Mentees">Mentees loaded.</param>
/// <param name="Mentors">Mentors loaded.</param>
/// <param name="PairsMade">Published pairs, live or ended.</param>
/// <param name="PairOutcomes">How many pairs are live and how many ended for each reason (never the notes).</param>
/// <param name="Coverage">For each policy dimension, how many published pairs differ on it.</param>
/// <param name="Sessions">Sessions held.</param>
/// <param name="Minutes">Time spent in sessions; shown only once at least 5 sessions were held.</param>
/// <param name="Topics">How many sessions covered each topic.</param>
internal sealed record CohortReport(
    long CohortId,
    string Name,
    string Status,
    string Mentees,
    string Mentors,
    string PairsMade,
    IReadOnlyList<PairOutcome> PairOutcomes,
    IReadOnlyList<DimensionCoverage> Coverage,
    SessionFigures Sessions,
    MinuteFigures Minutes,
    IReadOnlyList<TopicCount> Topics);

/// <summary>How many published pairs differ on a dimension.</summary>
/// <param name="Dimension">The attribute column.</param>
/// <param name="PairsDiffering">Pairs whose members differ on it.</param>
internal sealed record DimensionCoverage(string Dimension, string PairsDiffering);

/// <summary>Sessions held, in total and per pair.</summary>
/// <param name="Held">Sessions logged.</param>
/// <param name="PerPair">How many pairs held 0, 1–2, 3–5 and 6 or more sessions.</param>
/// <param name="MeanPerPair">Mean sessions per pair, to one decimal; null when fewer than 5 pairs or 5 sessions (it would give the count away).</param>
internal sealed record SessionFigures(string Held, IReadOnlyList<SessionBand> PerPair, double? MeanPerPair);

/// <summary>Pairs that held a number of sessions in a band.</summary>
/// <param name="Sessions">The band: <c>0</c>, <c>1-2</c>, <c>3-5</c>, <c>6+</c>.</param>
/// <param name="Pairs">Pairs in it.</param>
internal sealed record SessionBand(string Sessions, string Pairs);

/// <summary>Time spent in sessions.</summary>
/// <param name="Total">Minutes in all sessions; null when fewer than 5 sessions.</param>
/// <param name="MeanPerSession">Mean minutes per session, to one decimal; null when fewer than 5 sessions.</param>
internal sealed record MinuteFigures(long? Total, double? MeanPerSession);

/// <summary>How many sessions covered a topic.</summary>
/// <param name="Code">The topic code.</param>
/// <param name="Label">Its words.</param>
/// <param name="Sessions">Sessions that covered it.</param>
internal sealed record TopicCount(string Code, string Label, string Sessions);

/// <summary>How many published pairs have an outcome.</summary>
/// <param name="Outcome"><c>live</c>, or why they ended: <c>mentee-withdrew</c>, <c>mentor-withdrew</c>, <c>mismatch</c>, <c>other</c>, <c>rematched</c>, <c>erased</c>.</param>
/// <param name="Pairs">Pairs with it.</param>
internal sealed record PairOutcome(string Outcome, string Pairs);
