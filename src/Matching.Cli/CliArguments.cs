namespace Mentoring.Matching.Cli;

/// <summary>What the command line asked for.</summary>
internal sealed record CliArguments(
    string Command,
    string? People,
    string? Policy,
    string Format,
    string? Out,
    TimeSpan? TimeLimit,
    bool Progress,
    int Alternatives,
    bool WhatIf)
{
    public static readonly string[] Formats = ["csv", "json", "table"];

    /// <summary>Parses arguments; returns null with a message when they make no sense.</summary>
    public static CliArguments? Parse(string[] args, out string? error)
    {
        error = null;
        var command = "match";
        var rest = args.AsSpan();
        if (rest.Length > 0 && rest[0] is "match" or "validate" or "help")
        {
            command = rest[0];
            rest = rest[1..];
        }

        string? people = null, policy = null, output = null;
        var format = "csv";
        TimeSpan? timeLimit = null;
        var progress = false;
        var alternatives = 0;
        var whatIf = false;
        for (var i = 0; i < rest.Length; i++)
        {
            var option = rest[i];
            if (option is "-h" or "--help")
            {
                command = "help";
                continue;
            }

            if (option == "--progress")
            {
                progress = true;
                continue;
            }

            if (option == "--what-if")
            {
                whatIf = true;
                continue;
            }

            if (i + 1 >= rest.Length)
            {
                error = $"option '{option}' needs a value";
                return null;
            }

            var value = rest[++i];
            switch (option)
            {
                case "--people":
                    people = value;
                    break;
                case "--policy":
                    policy = value;
                    break;
                case "--format":
                    format = value.ToLowerInvariant();
                    if (!Formats.Contains(format))
                    {
                        error = $"unknown format '{value}'; use csv, json or table";
                        return null;
                    }

                    break;
                case "--out":
                    output = value;
                    break;
                case "--time-limit":
                    if (!double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
                    {
                        error = $"--time-limit takes a positive number of seconds, not '{value}'";
                        return null;
                    }

                    timeLimit = TimeSpan.FromSeconds(seconds);
                    break;
                case "--alternatives":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out alternatives) || alternatives > MatchingOptions.MaxAlternatives)
                    {
                        error = $"--alternatives takes a whole number from 0 to {MatchingOptions.MaxAlternatives}, not '{(value.Length > 20 ? value[..20] + "…" : value)}'";
                        return null;
                    }

                    break;
                default:
                    error = $"unknown option '{option}' (see --help)";
                    return null;
            }
        }

        if (command != "help" && (people is null || policy is null))
        {
            error = "both --people and --policy are needed (see --help)";
            return null;
        }

        return new CliArguments(command, people, policy, format, output, timeLimit, progress, alternatives, whatIf);
    }
}
