namespace Mentoring.Matching.Cli;

/// <summary>What the command line asked for, once parsed and checked.</summary>
/// <param name="ValidateOnly">True for <c>match validate</c>: check the input, match nothing.</param>
internal sealed record CliArguments(
    bool ValidateOnly,
    string People,
    string Policy,
    ResultFormat Format = ResultFormat.Csv,
    string? Out = null,
    TimeSpan? TimeLimit = null,
    bool Progress = false,
    int Alternatives = 0,
    bool WhatIf = false);
