using System.Text.Json;

namespace Mentoring.Matching;

/// <summary>
/// Writes a result as JSON in a fixed shape and order. The wall time is left out on purpose, so
/// the same input gives the same bytes.
/// </summary>
public static class MatchingResultJson
{
    /// <summary>Writes the whole result: status, summary, pairs with explanations, unmatched with reasons, and the run record.</summary>
    public static void Write(MatchingResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("status", result.Status.ToString());
        if (result.InfeasibleReason is { } reason)
        {
            writer.WriteString("infeasibleReason", reason);
        }

        if (result.Bound is { } bound)
        {
            writer.WriteStartObject("bound");
            writer.WriteNumber("matched", bound.Matched);
            writer.WriteNumber("total", bound.Total);
            writer.WriteEndObject();
        }

        writer.WriteNumber("matched", result.Matched);
        writer.WriteNumber("kept", result.Kept);
        writer.WriteNumber("total", result.Total);
        if (result.MinScore is { } minScore)
        {
            writer.WriteNumber("minScore", minScore);
        }

        writer.WriteStartArray("pairs");
        foreach (var pair in result.Pairs)
        {
            writer.WriteStartObject();
            writer.WriteString("menteeId", pair.MenteeId);
            writer.WriteString("mentorId", pair.MentorId);
            writer.WriteNumber("score", pair.Score);
            writer.WriteBoolean("pinned", pair.Pinned);
            writer.WriteStartArray("differences");
            foreach (var difference in pair.Explanation.Differences)
            {
                writer.WriteStartObject();
                writer.WriteString("dimension", difference.Dimension);
                writer.WriteNumber("weight", difference.Weight);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("sharedSlots");
            foreach (var slot in pair.Explanation.SharedSlots)
            {
                writer.WriteStringValue(slot);
            }

            writer.WriteEndArray();
            if (pair.Explanation.Similarities.Count > 0)
            {
                writer.WriteStartArray("sharedValues");
                foreach (var shared in pair.Explanation.Similarities)
                {
                    writer.WriteStartObject();
                    writer.WriteString("column", shared.Column);
                    writer.WriteNumber("weight", shared.Weight);
                    writer.WriteStartArray("values");
                    foreach (var value in shared.Values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteNumber("similarityScore", pair.Explanation.SimilarityScore);
            }

            writer.WriteNumber("dimensionScore", pair.Explanation.DimensionScore);
            writer.WriteNumber("slotScore", pair.Explanation.SlotScore);
            if (pair.Kept)
            {
                writer.WriteBoolean("kept", true);
            }

            if (pair.Alternatives is { } alternatives)
            {
                writer.WriteStartArray("alternatives");
                foreach (var alternative in alternatives)
                {
                    writer.WriteStartObject();
                    writer.WriteString("mentorId", alternative.MentorId);
                    WriteFigures(writer, alternative.Optimum);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unmatched");
        foreach (var mentee in result.Unmatched)
        {
            writer.WriteStartObject();
            writer.WriteString("menteeId", mentee.MenteeId);
            writer.WriteString("reason", ToCamel(mentee.Reason.ToString()));
            if (mentee.Rule is { } rule)
            {
                writer.WriteString("rule", ToCamel(rule.ToString()));
            }

            writer.WriteNumber("feasibleMentors", mentee.FeasibleMentors);
            writer.WriteString("explanation", mentee.Explanation);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.Policy.CurrentPairs.Count > 0)
        {
            writer.WriteStartArray("currentPairsNotKept");
            foreach (var pair in result.CurrentPairsNotKept)
            {
                writer.WriteStartObject();
                writer.WriteString("menteeId", pair.MenteeId);
                writer.WriteString("mentorId", pair.MentorId);
                writer.WriteString("outcome", ToCamel(pair.Outcome.ToString()));
                if (pair.Rule is { } brokenRule)
                {
                    writer.WriteString("rule", ToCamel(brokenRule.ToString()));
                }

                writer.WriteString("reason", pair.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (result.WhatIf is { } whatIf)
        {
            writer.WriteStartArray("whatIf");
            foreach (var outcome in whatIf)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("change");
                PolicyJson.WriteField(writer, outcome.Policy, outcome.Field);
                writer.WriteEndObject();
                WriteFigures(writer, outcome.Optimum);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        var facts = result.Facts;
        writer.WriteStartObject("run");
        writer.WriteNumber("people", facts.People);
        writer.WriteNumber("mentees", facts.Mentees);
        writer.WriteNumber("mentors", facts.Mentors);
        writer.WriteNumber("candidatePairs", facts.CandidatePairs);
        writer.WriteNumber("pricingRounds", facts.PricingRounds);
        writer.WriteNumber("solves", facts.Solves);
        writer.WriteString("inputHash", facts.InputHash);
        writer.WriteString("engineVersion", facts.EngineVersion);
        writer.WriteString("solver", facts.Solver);
        writer.WritePropertyName("policy");
        PolicyJson.Write(writer, result.Policy);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes the result to <paramref name="stream"/> as indented UTF-8 JSON, streamed, without a final line break.</summary>
    public static void Write(MatchingResult result, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(result, writer);
    }

    /// <summary>The result as indented JSON text.</summary>
    public static string ToJson(MatchingResult result)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The figures the contract names for an alternative or a what-if answer.</summary>
    private static void WriteFigures(Utf8JsonWriter writer, AssignmentFigures figures)
    {
        writer.WriteString("status", figures.Status.ToString());
        writer.WriteNumber("matched", figures.Matched);
        writer.WriteNumber("kept", figures.Kept);
        if (figures.MinScore is { } minScore)
        {
            writer.WriteNumber("minScore", minScore);
        }
        else
        {
            writer.WriteNull("minScore");
        }

        writer.WriteNumber("total", figures.Total);
    }

    private static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
