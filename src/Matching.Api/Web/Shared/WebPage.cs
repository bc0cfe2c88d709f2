using System.Globalization;
using Mentoring.Matching.Api.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mentoring.Matching.Api.Web.Shared;

/// <summary>A page with a form: the errors to show, each tied to its field and listed in a summary.</summary>
internal abstract class WebPage : PageModel
{
    private readonly List<(string? FieldName, string Message)> errors = [];

    /// <summary>The errors as the summary lists them: the control's id and the message.</summary>
    public IReadOnlyList<(string? FieldId, string Message)> Summary =>
        errors.Select(e => (e.FieldName is null ? null : new Field(e.FieldName, "", null, null).Id, e.Message)).ToArray();

    public bool HasErrors => errors.Count > 0;

    /// <summary>The first error for a form field, or null.</summary>
    public string? ErrorFor(string fieldName) =>
        errors.Where(e => e.FieldName == fieldName).Select(e => e.Message).FirstOrDefault();

    public void AddError(string? fieldName, string message) => errors.Add((fieldName, message));

    /// <summary>Adds the handler's errors, each on the form field <paramref name="fieldOf"/> names (null: the form as a whole).</summary>
    public void AddErrors(IEnumerable<FieldError> fieldErrors, Func<FieldError, string?> fieldOf)
    {
        foreach (var error in fieldErrors)
        {
            var place = error.Line is { } line ? $"Line {line}" + (error.Field is { } f ? $", field '{f}'" : "") + ": " : "";
            AddError(fieldOf(error), place + error.Message);
        }
    }

    /// <summary>A date typed in a form (year-month-day), null when empty; an error on <paramref name="field"/> when it is not a date.</summary>
    protected DateOnly? ReadDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        AddError(field, "Enter a date as year-month-day, e.g. 2026-01-12.");
        return null;
    }
}
