namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>
/// One generated person, compact (indices into <see cref="WorkforceMix"/>) so that 450k of them stay small;
/// turned into a <see cref="Person"/> or a CSV row only when asked.
/// </summary>
internal readonly record struct PersonDraft(
    ParticipantRole Role,
    byte Grade,
    byte Department,
    byte Capacity,
    uint Slots,
    byte Ethnicity,
    byte Gender,
    byte Disability,
    byte Lgbtq,
    byte AgeBand,
    byte FirstName,
    byte Surname,
    bool Suffix);
