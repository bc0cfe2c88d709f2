using Mentoring.Matching.Api.Cohorts;
using Mentoring.Matching.Api.Errors;

namespace Mentoring.Matching.Api.Sessions;

/// <summary>The rules a logged session must follow; every broken rule is named.</summary>
internal static class SessionValidation
{
    public const int MaxMinutes = 600;

    public const int MaxOtherTopicLength = 200;

    /// <summary>The entry to store, or null with the errors added; a session is held within the cohort's first and last day.</summary>
    public static SessionEntry? Check(
        SessionRequest request, IReadOnlyCollection<string> topicCodes, (DateOnly StartsOn, DateOnly EndsOn) cohortDates, DateOnly today, List<InputError> errors)
    {
        if (request.Date is null)
        {
            errors.Add(Problems.RequestError("date", "the day the session was held is required, e.g. \"2026-02-03\""));
        }
        else if (request.Date > today)
        {
            errors.Add(Problems.RequestError("date", $"{request.Date:O} is in the future; log a session once it was held"));
        }
        else if (request.Date < cohortDates.StartsOn || request.Date > cohortDates.EndsOn)
        {
            errors.Add(Problems.RequestError("date", $"{request.Date:O} is outside the cohort, which runs from {cohortDates.StartsOn:O} to {cohortDates.EndsOn:O}"));
        }

        if (request.Minutes is null)
        {
            errors.Add(Problems.RequestError("minutes", "the session's length in minutes is required"));
        }
        else if (request.Minutes is < 1 or > MaxMinutes)
        {
            errors.Add(Problems.RequestError("minutes", $"must be between 1 and {MaxMinutes}, not {request.Minutes}"));
        }

        var otherTopic = string.IsNullOrWhiteSpace(request.OtherTopic) ? null : request.OtherTopic.Trim();
        if (otherTopic is { Length: > MaxOtherTopicLength })
        {
            errors.Add(Problems.RequestError("otherTopic", $"must be at most {MaxOtherTopicLength} characters"));
        }

        var topics = new List<string>();
        var given = request.Topics ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var code = given[i]?.Trim().ToLowerInvariant() ?? "";
            if (!topicCodes.Contains(code))
            {
                errors.Add(Problems.RequestError($"topics[{i}]", $"{Echo.Quote(given[i] ?? "")} is not one of this cohort's topics: {string.Join(", ", topicCodes)}"));
            }
            else if (topics.Contains(code))
            {
                errors.Add(Problems.RequestError($"topics[{i}]", $"'{code}' is listed twice"));
            }
            else
            {
                topics.Add(code);
            }
        }

        if (otherTopic is not null && !topics.Contains(SchemeTopics.Other))
        {
            topics.Add(SchemeTopics.Other);
        }

        if (topics.Count == 0 && errors.All(e => e.Field?.StartsWith("topics", StringComparison.Ordinal) != true))
        {
            errors.Add(Problems.RequestError("topics", "name at least one topic, or describe it in otherTopic"));
        }

        return errors.Count == 0 ? new SessionEntry(request.Date!.Value, request.Minutes!.Value, topics, otherTopic) : null;
    }
}
