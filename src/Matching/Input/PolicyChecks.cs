namespace Mentoring.Matching;

/// <summary>The checks of a policy against the roster it is applied to.</summary>
internal static class PolicyChecks
{
    /// <summary>The most names a list in an error shows; a longer list ends with how many there are.</summary>
    private const int ListShown = 20;

    public static IEnumerable<InputError> Find(Roster roster, MatchingPolicy policy)
    {
        const string Source = PolicyJson.SourceName;
        var columns = roster.AttributeColumns.Select(Text.Normalize).ToHashSet(StringComparer.Ordinal);
        var available = ShortList(roster.AttributeColumns);
        if (policy.Dimensions is null || policy.Dimensions.Count == 0)
        {
            yield return new InputError(Source, null, "dimensions", "the policy needs at least one dimension");
        }
        else
        {
            foreach (var twice in policy.Dimensions.Keys.GroupBy(Text.Normalize).Where(g => g.Count() > 1))
            {
                yield return new InputError(Source, null, $"dimensions.{Text.Shorten(twice.Last())}", $"the dimension is listed twice ({string.Join(", ", twice.Select(Text.Shorten))})");
            }

            foreach (var (name, weight) in policy.Dimensions)
            {
                if (!columns.Contains(Text.Normalize(name)))
                {
                    yield return new InputError(Source, null, $"dimensions.{Text.Shorten(name)}", NotAnAttribute(name, available));
                }

                if (weight < 0)
                {
                    yield return new InputError(Source, null, $"dimensions.{Text.Shorten(name)}", $"weight {weight} is negative");
                }
                else if (weight > MatchingPolicy.MaxWeight)
                {
                    yield return new InputError(Source, null, $"dimensions.{Text.Shorten(name)}", $"weight {weight} is above the largest allowed, {MatchingPolicy.MaxWeight}");
                }
            }
        }

        for (var i = 0; i < policy.RequireDifferent.Count; i++)
        {
            if (!columns.Contains(Text.Normalize(policy.RequireDifferent[i])))
            {
                yield return new InputError(Source, null, $"requireDifferent[{i}]", NotAnAttribute(policy.RequireDifferent[i], available));
            }
        }

        foreach (var error in V2PairRuleErrors(policy, columns, available))
        {
            yield return error;
        }

        if (Math.Abs((long)policy.MinGradeGap) > MatchingPolicy.MaxGrade)
        {
            yield return new InputError(Source, null, "minGradeGap", $"must be from -{MatchingPolicy.MaxGrade} to {MatchingPolicy.MaxGrade}, not {policy.MinGradeGap}");
        }

        if (policy.SharedSlotWeight > MatchingPolicy.MaxWeight)
        {
            yield return new InputError(Source, null, "sharedSlotWeight", $"must be at most {MatchingPolicy.MaxWeight}, not {policy.SharedSlotWeight}");
        }

        foreach (var (field, value) in new[]
        {
            ("minDifferences", policy.MinDifferences),
            ("minSharedSlots", policy.MinSharedSlots),
            ("sharedSlotWeight", policy.SharedSlotWeight),
        })
        {
            if (value < 0)
            {
                yield return new InputError(Source, null, field, $"must be at least 0, not {value}");
            }
        }

        if (!Enum.IsDefined(policy.LineManagement))
        {
            yield return new InputError(Source, null, "lineManagement", $"unknown value {policy.LineManagement}");
        }

        if (!Enum.IsDefined(policy.Objective))
        {
            yield return new InputError(Source, null, "objective", $"unknown value {policy.Objective}");
        }

        // Only pairs need roles; a large roster without any is spared the lookup table.
        var roles = new Dictionary<string, ParticipantRole>(StringComparer.Ordinal);
        if (policy.ForbiddenPairs.Count + policy.PinnedPairs.Count + policy.CurrentPairs.Count > 0)
        {
            foreach (var person in roster.People)
            {
                roles.TryAdd(person.Id, person.Role);
            }
        }

        foreach (var error in PairErrors("forbiddenPairs", policy.ForbiddenPairs, roles))
        {
            yield return error;
        }

        foreach (var error in PairErrors("pinnedPairs", policy.PinnedPairs, roles))
        {
            yield return error;
        }

        foreach (var error in CurrentPairErrors(policy.CurrentPairs, roles))
        {
            yield return error;
        }

        var pinnedMentees = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < policy.PinnedPairs.Count; i++)
        {
            var pin = policy.PinnedPairs[i];
            if (!pinnedMentees.TryAdd(pin.MenteeId, i))
            {
                yield return new InputError(Source, null, $"pinnedPairs[{i}]", $"mentee {Text.Quote(pin.MenteeId)} is already pinned by pinnedPairs[{pinnedMentees[pin.MenteeId]}]");
            }
        }
    }

    /// <summary>The v2 columns and cohort rules: each names a real column, likeness and difference never share one.</summary>
    private static IEnumerable<InputError> V2PairRuleErrors(MatchingPolicy policy, HashSet<string> columns, string available)
    {
        const string Source = PolicyJson.SourceName;
        var dimensions = policy.Dimensions.Keys.Select(Text.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, weight) in policy.Similarities)
        {
            var column = Text.Normalize(name);
            if (!columns.Contains(column))
            {
                yield return new InputError(Source, null, $"similarities.{Text.Shorten(name)}", NotAnAttribute(name, available));
            }
            else if (dimensions.Contains(column))
            {
                yield return new InputError(Source, null, $"similarities.{Text.Shorten(name)}", $"{Text.Quote(name)} is in dimensions too: a column counts either difference or likeness, not both");
            }

            if (weight < 0)
            {
                yield return new InputError(Source, null, $"similarities.{Text.Shorten(name)}", $"weight {weight} is negative");
            }
            else if (weight > MatchingPolicy.MaxWeight)
            {
                yield return new InputError(Source, null, $"similarities.{Text.Shorten(name)}", $"weight {weight} is above the largest allowed, {MatchingPolicy.MaxWeight}");
            }
        }

        for (var i = 0; i < policy.RequireSame.Count; i++)
        {
            if (!columns.Contains(Text.Normalize(policy.RequireSame[i])))
            {
                yield return new InputError(Source, null, $"requireSame[{i}]", NotAnAttribute(policy.RequireSame[i], available));
            }
        }

        foreach (var (name, minimum) in policy.MinCoverage)
        {
            if (!dimensions.Contains(Text.Normalize(name)))
            {
                yield return new InputError(Source, null, $"minCoverage.{Text.Shorten(name)}", $"{Text.Quote(name)} is not one of the policy's dimensions ({ShortList(policy.Dimensions.Keys)})");
            }

            if (minimum < 0)
            {
                yield return new InputError(Source, null, $"minCoverage.{Text.Shorten(name)}", $"must be at least 0, not {minimum}");
            }
        }

        if (policy.MaxPairsPerMentorDepartment < 0)
        {
            yield return new InputError(Source, null, "maxPairsPerMentorDepartment", $"must be at least 0, not {policy.MaxPairsPerMentorDepartment}");
        }
    }

    /// <summary>
    /// Current pairs name people in the file, mentee first; a person whose role is now empty is no
    /// error (the pair is simply not kept), but a pair the wrong way round or a mentee twice is.
    /// </summary>
    private static IEnumerable<InputError> CurrentPairErrors(IReadOnlyList<PersonPair> pairs, Dictionary<string, ParticipantRole> roles)
    {
        const string Field = "currentPairs";
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (menteeId, mentorId) = pairs[i];
            foreach (var (id, expected) in new[] { (menteeId, ParticipantRole.Mentee), (mentorId, ParticipantRole.Mentor) })
            {
                if (!roles.TryGetValue(id, out var role))
                {
                    yield return new InputError(PolicyJson.SourceName, null, $"{Field}[{i}]", $"{Text.Quote(id)} is nobody in people.csv");
                }
                else if (role != expected && role != ParticipantRole.None)
                {
                    yield return new InputError(PolicyJson.SourceName, null, $"{Field}[{i}]", $"{Text.Quote(id)} is a {RosterChecks.RoleName(role)}, not a {RosterChecks.RoleName(expected)}: a current pair names the mentee first, then the mentor");
                }
            }

            if (!first.TryAdd(menteeId, i))
            {
                yield return new InputError(PolicyJson.SourceName, null, $"{Field}[{i}]", $"mentee {Text.Quote(menteeId)} is already in {Field}[{first[menteeId]}]");
            }
        }
    }

    /// <summary>Names for an error, each shortened and at most <see cref="ListShown"/> of them.</summary>
    private static string ShortList(IEnumerable<string> names)
    {
        var all = names.ToArray();
        var shown = string.Join(", ", all.Take(ListShown).Select(Text.Shorten));
        return all.Length <= ListShown ? shown : $"{shown}, … ({all.Length} in all)";
    }

    private static string NotAnAttribute(string name, string available) =>
        PeopleCsv.IsBuiltInColumn(Text.Normalize(name))
            ? $"{Text.Quote(name)} is one of the contract's own columns, not a diversity attribute (attribute columns: {available})"
            : $"{Text.Quote(name)} is not a column of people.csv (attribute columns: {available})";

    private static IEnumerable<InputError> PairErrors(string field, IReadOnlyList<PersonPair> pairs, Dictionary<string, ParticipantRole> roles)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            var (menteeId, mentorId) = pairs[i];
            if (RoleError(menteeId, ParticipantRole.Mentee, roles) is { } menteeError)
            {
                yield return new InputError(PolicyJson.SourceName, null, $"{field}[{i}]", menteeError);
            }

            if (RoleError(mentorId, ParticipantRole.Mentor, roles) is { } mentorError)
            {
                yield return new InputError(PolicyJson.SourceName, null, $"{field}[{i}]", mentorError);
            }
        }
    }

    private static string? RoleError(string id, ParticipantRole expected, Dictionary<string, ParticipantRole> roles) =>
        !roles.TryGetValue(id, out var role)
            ? $"{Text.Quote(id)} is nobody in people.csv"
            : role != expected
                ? $"{Text.Quote(id)} is a {RosterChecks.RoleName(role)}, not a {RosterChecks.RoleName(expected)}"
                : null;
}
