namespace Mentoring.Matching.Engine;

/// <summary>
/// v2 alternatives: for each matched mentee that is not pinned, the best other mentors, each with the
/// exact optimum of the problem with that pair added to the pins, ranked in the contract's order
/// (ties by mentor id, ordinal). Each optimum is a full exact solve of the changed problem.
/// </summary>
internal static class AlternativeMentors
{
    public static IReadOnlyList<MatchedPair> Add(MatchingProblem problem, MatchingResult result, MatchingOptions options, CancellationToken cancellationToken)
    {
        var compiled = problem.Compiled;
        var order = new FiguresOrder(problem.Policy.Objective);
        var pairs = new MatchedPair[result.Pairs.Count];
        // Each mentee's alternatives are independent solves: in parallel.
        Parallel.For(0, pairs.Length, new ParallelOptions { CancellationToken = cancellationToken }, p =>
        {
            var pair = result.Pairs[p];
            pairs[p] = pair.Pinned ? pair : pair with { Alternatives = For(problem, compiled, pair, options, order, cancellationToken) };
        });
        return pairs;
    }

    private static AlternativeMentor[] For(MatchingProblem problem, CompiledProblem compiled, MatchedPair pair, MatchingOptions options, FiguresOrder order, CancellationToken cancellationToken)
    {
        var mentee = compiled.MenteeIndexById[pair.MenteeId];
        var ranked = new List<AlternativeMentor>();
        for (var mentor = 0; mentor < compiled.MentorCount; mentor++)
        {
            var mentorId = compiled.Roster.People[compiled.MentorPeople[mentor]].Id;
            if (mentorId == pair.MentorId || compiled.FirstBrokenRule(mentee, mentor, compiled.MentorCapacity) is not null)
            {
                continue;
            }

            var pinned = problem.Policy with { PinnedPairs = [.. problem.Policy.PinnedPairs, new PersonPair(pair.MenteeId, mentorId)] };
            var optimum = Matcher.Figures(problem.WithPolicy(pinned), options, cancellationToken);
            if (optimum.Status != MatchStatus.Infeasible)
            {
                ranked.Add(new AlternativeMentor(mentorId, optimum));
            }
        }

        return [.. ranked
            .OrderBy(a => a.Optimum, order)
            .ThenBy(a => a.MentorId, StringComparer.Ordinal)
            .Take(options.Alternatives)];
    }
}
