namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// The kinds of personal data sealed at rest. Each is its own associated data, so a value sealed as one kind
/// cannot be opened as another (a name pasted into a note's column does not decrypt).
/// </summary>
internal enum PersonalDataKind
{
    /// <summary>A person's name (<c>people.name</c>).</summary>
    Name,

    /// <summary>A person's department (<c>people.department</c>); matching rules compare it in memory.</summary>
    Department,

    /// <summary>A person's attribute values, as their JSON object (<c>people.attributes_json</c>).</summary>
    Attributes,

    /// <summary>The coordinator's note on why a pair ended (<c>pairs.end_note</c>).</summary>
    EndNote,

    /// <summary>A session's free-text topic (<c>sessions.other_topic</c>).</summary>
    SessionTopic,

    /// <summary>A run's whole result (<c>runs.result_json</c>): its explanations quote attribute values.</summary>
    RunResult,
}
