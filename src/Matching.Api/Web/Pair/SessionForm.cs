using System.Globalization;
using Mentoring.Matching.Api.Sessions;

namespace Mentoring.Matching.Api.Web.Pair;

/// <summary>A session as the pair's form posts it; the API's own validation checks it.</summary>
internal sealed class SessionForm
{
    public string? Date { get; set; }

    public string? Minutes { get; set; }

    public List<string> Topics { get; set; } = [];

    public string? OtherTopic { get; set; }

    public static SessionForm From(SessionView session) => new()
    {
        Date = session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Minutes = session.Minutes.ToString(CultureInfo.InvariantCulture),
        Topics = [.. session.Topics],
        OtherTopic = session.OtherTopic,
    };

    /// <summary>The request, with the form's own shape errors (a date or number that does not parse) added.</summary>
    public SessionRequest ToRequest(Action<string, string> error)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                error(nameof(Date), "Enter the date as year-month-day, e.g. 2026-02-03.");
            }
        }

        int? minutes = null;
        if (!string.IsNullOrWhiteSpace(Minutes))
        {
            if (int.TryParse(Minutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                minutes = parsed;
            }
            else
            {
                error(nameof(Minutes), "Enter the minutes as a whole number, e.g. 45.");
            }
        }

        return new SessionRequest(date, minutes, Topics, OtherTopic);
    }

    /// <summary>The form field an error of the API names.</summary>
    public static string FieldOf(string? field) => field switch
    {
        "date" => nameof(Date),
        "minutes" => nameof(Minutes),
        "otherTopic" => nameof(OtherTopic),
        _ => nameof(Topics),
    };
}
