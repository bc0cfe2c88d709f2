namespace Mentoring.Matching.Cli;

/// <summary>How a result is written: the values of <c>--format</c>, named in lower case on the command line.</summary>
internal enum ResultFormat
{
    /// <summary>One row per mentee ordered by mentee id (the default).</summary>
    Csv,

    /// <summary>The whole result, as the contract names it.</summary>
    Json,

    /// <summary>Text for reading.</summary>
    Table,
}
