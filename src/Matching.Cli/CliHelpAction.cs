using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Mentoring.Matching.Cli;

/// <summary>
/// The help for <c>--help</c>, <c>-h</c> and <c>match help</c>: the usage as the README gives it, the options
/// as they are declared (so the list cannot drift from the parser), and the exit codes, on standard output.
/// </summary>
internal sealed class CliHelpAction(RootCommand root) : SynchronousCommandLineAction
{
    private const string Usage = """
        usage:
          match [match] --people people.csv --policy policy.json [--format csv|json|table] [--out FILE]
                        [--time-limit SECONDS] [--progress] [--alternatives N] [--what-if]
          match validate --people people.csv --policy policy.json
          match --help
        """;

    private static readonly string Closing = $"""
        exit codes: {Cli.Success} done; {Cli.UsageError} bad command line or unreadable file; {Cli.InvalidInput} invalid input; {Cli.Infeasible} pinned pairs cannot all hold;
        {Cli.InternalError} an internal error of the engine.
        A one-line summary (matched, total, status, time) goes to standard error.
        """;

    /// <summary>Help is asked for: whatever else is wrong with the command line does not matter then.</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>Makes every way of asking for help on <paramref name="root"/> print this text, and adds <c>match help</c>.</summary>
    public static void Attach(RootCommand root)
    {
        var action = new CliHelpAction(root);
        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = action;
        helpOption.Description = "print this help";
        var help = new Command("help", "print this help") { Hidden = true };
        help.Action = action;
        root.Subcommands.Add(help);
    }

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine(Usage);
        output.WriteLine();
        output.WriteLine("options:");
        // The root's options, whichever command help was asked on: one text for the whole tool.
        var rows = root.Options.Where(o => !o.Hidden).Select(o => (Names: Names(o), o.Description)).ToArray();
        var width = rows.Max(r => r.Names.Length);
        foreach (var (names, description) in rows)
        {
            output.WriteLine($"  {names.PadRight(width)}  {description}");
        }

        output.WriteLine();
        output.Write(Closing);
        output.WriteLine();
        return Cli.Success;
    }

    /// <summary>
    /// A one-letter spelling first, then the name, then what value it takes: "-h, --help", "--out &lt;FILE&gt;".
    /// Other spellings ("-?", "/h") still work, unlisted.
    /// </summary>
    private static string Names(Option option)
    {
        var names = string.Join(", ", option.Aliases.Where(a => a is ['-', var letter] && char.IsAsciiLetter(letter)).Order(StringComparer.Ordinal).Append(option.Name));
        return option.HelpName is { } value ? $"{names} <{value}>" : names;
    }
}
