namespace Mentoring.Matching;

/// <summary>How far the reporting line keeps a mentee and a mentor apart.</summary>
public enum LineManagementRule
{
    /// <summary>The mentor may be neither above nor below the mentee anywhere in the reporting chain.</summary>
    Chain,

    /// <summary>Only the direct manager/report relation is barred.</summary>
    Direct,

    /// <summary>The reporting line is not considered.</summary>
    Off,
}
