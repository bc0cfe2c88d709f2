namespace Mentoring.Matching.Tests;

/// <summary>Asserts that bad input is refused with an error that names where the fault is.</summary>
internal static class InputErrorAssert
{
    /// <summary>The action throws <see cref="InvalidInputException"/> with an error at exactly this source, row and field.</summary>
    public static InputError Names(Action action, string source, int? row, string? field, string? messagePart = null)
    {
        var exception = Assert.Throws<InvalidInputException>(action);
        var match = exception.Errors.FirstOrDefault(e => e.Source == source && e.Row == row && e.Field == field);
        Assert.True(match is not null, $"expected an error at {source} row {row} field {field}; got: {string.Join(" | ", exception.Errors)}");
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, match.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(match.ToString(), exception.Message, StringComparison.Ordinal);
        return match;
    }

    public static Roster ReadPeople(string csv) => PeopleCsv.Read(new StringReader(csv));

    public static Roster ReadPeople(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return PeopleCsv.Read(stream);
    }
}
