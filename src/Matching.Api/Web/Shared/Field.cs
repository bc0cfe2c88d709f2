namespace Mentoring.Matching.Api.Web.Shared;

/// <summary>The kind of control a form field renders as.</summary>
internal enum FieldKind
{
    Text,
    Number,
    Date,
    Password,
    TextArea,
    Select,
    Checkbox,
    File,
}

/// <summary>
/// One labelled form control with its one-line help and its error, rendered by <c>_Field</c> so every form ties
/// label, help and error to the control the same way (WCAG: labels, errors identified in text and tied to fields).
/// </summary>
/// <param name="Name">The form name, e.g. <c>Policy.MinDifferences</c>.</param>
/// <param name="Label">The visible label.</param>
/// <param name="Help">A one-line help, or null.</param>
/// <param name="Value">The current value (for a checkbox: "true" when ticked).</param>
/// <param name="Kind">The control.</param>
/// <param name="Error">The error to show, or null.</param>
internal sealed record Field(string Name, string Label, string? Help, string? Value, FieldKind Kind = FieldKind.Text, string? Error = null)
{
    /// <summary>Choices for a select: value and words.</summary>
    public IReadOnlyList<(string Value, string Text)> Options { get; init; } = [];

    /// <summary>Extra attributes, e.g. <c>required</c>, <c>accept</c>, <c>autocomplete</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The control's id, derived from its name.</summary>
    public string Id => "f-" + Name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    public string HelpId => Id + "-help";

    public string ErrorId => Id + "-error";

    /// <summary>The ids that describe the control: its help and its error.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Help is null ? null : HelpId, Error is null ? null : ErrorId }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}
