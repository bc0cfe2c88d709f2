using static Mentoring.Matching.Tests.InputErrorAssert;
using static Mentoring.Matching.Tests.TestRosters;

namespace Mentoring.Matching.Tests;

/// <summary>Every contract v2 bad input is a clear error naming its field; a current pair whose person no longer takes part is not one.</summary>
public sealed class BadV2InputTests
{
    private const string Policy = "policy.json";

    private const string People = """
        id,name,role,grade,department,manager_id,capacity,availability,gender,topics
        e1,Ann,mentee,5,Finance,,,mon-am,f,racism;class
        e2,Bob,mentee,6,Finance,,,mon-am,m,faith
        m1,Cat,mentor,1,Medicine,,1,mon-am,m,class
        m2,Dan,mentor,2,Medicine,,2,mon-am,f,racism
        gone,Eve,,9,Finance,,,,,
        """;

    public static TheoryData<string, string, string> BadPolicies => new()
    {
        { """{ "dimensions": { "gender": 1 }, "similarities": { "campus": 1 } }""", "similarities.campus", "not a column" },
        { """{ "dimensions": { "gender": 1 }, "similarities": { "gender": 1 } }""", "similarities.gender", "dimensions too" },
        { """{ "dimensions": { "gender": 1 }, "similarities": { "topics": -1 } }""", "similarities.topics", "at least 0" },
        { """{ "dimensions": { "gender": 1 }, "requireSame": ["campus"] }""", "requireSame[0]", "not a column" },
        { """{ "dimensions": { "gender": 1 }, "minCoverage": { "topics": 1 } }""", "minCoverage.topics", "not one of the policy's dimensions" },
        { """{ "dimensions": { "gender": 1 }, "minCoverage": { "gender": -2 } }""", "minCoverage.gender", "at least 0" },
        { """{ "dimensions": { "gender": 1 }, "minCoverage": { "gender": 1.5 } }""", "minCoverage.gender", "integer" },
        { """{ "dimensions": { "gender": 1 }, "maxPairsPerMentorDepartment": -1 }""", "maxPairsPerMentorDepartment", "at least 0" },
        { """{ "dimensions": { "gender": 1 }, "maxPairsPerMentorDepartment": "two" }""", "maxPairsPerMentorDepartment", "integer" },
        { """{ "dimensions": { "gender": 1 }, "currentPairs": [["e1", "nobody"]] }""", "currentPairs[0]", "nobody" },
        { """{ "dimensions": { "gender": 1 }, "currentPairs": [["m1", "e1"]] }""", "currentPairs[0]", "mentee first" },
        { """{ "dimensions": { "gender": 1 }, "currentPairs": [["e1", "m1"], ["e1", "m2"]] }""", "currentPairs[1]", "already in currentPairs[0]" },
        { """{ "dimensions": { "gender": 1 }, "forbiddenPairs": [["e1", "m1", 7]] }""", "forbiddenPairs[0]", "reason must be a string" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void A_bad_v2_field_is_named(string policyJson, string field, string messagePart) =>
        Names(() => MatchingProblem.Create(ReadPeople(People), PolicyJson.Parse(policyJson)), Policy, null, field, messagePart);

    [Fact]
    public void A_current_pair_whose_mentor_no_longer_takes_part_is_not_kept_and_says_so()
    {
        var policy = PolicyJson.Parse("""{ "dimensions": { "gender": 1 }, "minSharedSlots": 0, "lineManagement": "off", "currentPairs": [["e1", "gone"], ["e2", "m2"]] }""");

        var result = Matcher.Solve(MatchingProblem.Create(ReadPeople(People), policy));

        var notKept = Assert.Single(result.CurrentPairsNotKept, p => p.MentorId == "gone");
        Assert.Equal(CurrentPairOutcome.NoLongerTakingPart, notKept.Outcome);
        Assert.Contains("no longer takes part", notKept.Reason, StringComparison.Ordinal);
    }
}
