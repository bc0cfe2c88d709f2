namespace Mentoring.Matching;

/// <summary>What a person does in the cohort.</summary>
public enum ParticipantRole
{
    /// <summary>Not taking part, but still in the org chart (the chain rule needs them).</summary>
    None,

    /// <summary>A senior leader who is mentored.</summary>
    Mentee,

    /// <summary>A junior colleague who mentors.</summary>
    Mentor,
}
