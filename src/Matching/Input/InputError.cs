namespace Mentoring.Matching;

/// <summary>One problem with the input, naming where it is.</summary>
/// <param name="Source">Which input: <c>people.csv</c>, <c>policy.json</c> or <c>roster</c> for objects built in code.</param>
/// <param name="Row">The 1-based line number of the record in the file (the header is line 1), when the error is in a row.</param>
/// <param name="Field">The column or policy field at fault, when there is one.</param>
/// <param name="Message">What is wrong, in words a coordinator can act on.</param>
public sealed record InputError(string Source, int? Row, string? Field, string Message)
{
    /// <summary>One readable line: <c>people.csv line 7, field 'grade': 'senior' is not an integer</c>.</summary>
    public override string ToString()
    {
        var where = Source;
        if (Row is { } row)
        {
            where += $" line {row}";
        }

        if (Field is { Length: > 0 } field)
        {
            where += $"{(Row is null ? "" : ",")} field '{field}'";
        }

        return $"{where}: {Message}";
    }
}
