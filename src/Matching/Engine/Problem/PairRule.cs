namespace Mentoring.Matching;

/// <summary>The contract's rules that can bar a pair, in the order the engine checks them when it explains.</summary>
public enum PairRule
{
    /// <summary>The mentor takes no mentees this cohort (capacity 0; when explaining an unmatched mentee, also a mentor filled by pins).</summary>
    Capacity,

    /// <summary>The pair is listed in <c>forbiddenPairs</c>.</summary>
    ForbiddenPairs,

    /// <summary><c>grade(mentee) - grade(mentor)</c> is below <c>minGradeGap</c>.</summary>
    MinGradeGap,

    /// <summary>The two sit in each other's reporting line (<c>lineManagement</c>).</summary>
    LineManagement,

    /// <summary>The two share a department and <c>forbidSameDepartment</c> is on.</summary>
    ForbidSameDepartment,

    /// <summary>They share fewer than <c>minSharedSlots</c> availability slots.</summary>
    MinSharedSlots,

    /// <summary>v2: they share no value in a column of <c>requireSame</c>.</summary>
    RequireSame,

    /// <summary>They do not differ on a dimension in <c>requireDifferent</c>.</summary>
    RequireDifferent,

    /// <summary>They differ on fewer than <c>minDifferences</c> dimensions.</summary>
    MinDifferences,
}
