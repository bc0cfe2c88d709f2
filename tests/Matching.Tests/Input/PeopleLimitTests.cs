using static Mentoring.Matching.Tests.InputErrorAssert;

namespace Mentoring.Matching.Tests;

/// <summary>
/// The sizes of <see cref="PeopleLimits"/> (issue 12, defect 11): a value over its limit is refused naming its line
/// and field, and the error repeats only a short prefix of it, so a huge value cannot make a huge error.
/// </summary>
public sealed class PeopleLimitTests
{
    private const string People = "people.csv";
    private const string Header = "id,name,role,grade,department,manager_id,capacity,availability,gender";

    /// <summary>The most characters an error may spend on a value it repeats, with room for the words around it.</summary>
    private const int ShortMessage = 200;

    private static string Csv(string row) => $"{Header}\nm1,Cat,mentor,1,Medicine,,1,mon-am,m\n{row}\n";

    public static TheoryData<string, string, int> OverLimit() => new()
    {
        { "id", $"{new string('x', PeopleLimits.MaxIdLength + 1)},Ann,mentee,5,Finance,,,mon-am,f", PeopleLimits.MaxIdLength + 1 },
        { "name", $"e1,{new string('n', PeopleLimits.MaxNameLength + 1)},mentee,5,Finance,,,mon-am,f", PeopleLimits.MaxNameLength + 1 },
        { "department", $"e1,Ann,mentee,5,{new string('d', PeopleLimits.MaxDepartmentLength + 1)},,,mon-am,f", PeopleLimits.MaxDepartmentLength + 1 },
        { "manager_id", $"e1,Ann,mentee,5,Finance,{new string('b', PeopleLimits.MaxIdLength + 1)},,mon-am,f", PeopleLimits.MaxIdLength + 1 },
        { "gender", $"e1,Ann,mentee,5,Finance,,,mon-am,{new string('g', PeopleLimits.MaxAttributeValueLength + 1)}", PeopleLimits.MaxAttributeValueLength + 1 },
        { "availability", $"e1,Ann,mentee,5,Finance,,,{new string('s', PeopleLimits.MaxSlotLength + 1)},f", PeopleLimits.MaxSlotLength + 1 },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void A_value_over_its_limit_names_the_line_and_field_and_echoes_it_short(string field, string row, int length)
    {
        var error = Names(() => ReadPeople(Csv(row)), People, 3, field, $"is longer than {length - 1} characters");

        Assert.InRange(error.Message.Length, 1, ShortMessage);
    }

    [Fact]
    public void Values_at_their_limits_are_read()
    {
        var slots = string.Join(';', Enumerable.Range(0, PeopleLimits.MaxSlots).Select(i => $"{i:D3}{new string('s', PeopleLimits.MaxSlotLength - 3)}"));
        var row = string.Join(',', new string('x', PeopleLimits.MaxIdLength), new string('n', PeopleLimits.MaxNameLength), "mentee", "5",
            new string('d', PeopleLimits.MaxDepartmentLength), "", "", slots, new string('g', PeopleLimits.MaxAttributeValueLength));

        var person = ReadPeople(Csv(row)).People[1];

        Assert.Equal(PeopleLimits.MaxSlots, person.Availability.Count);
        Assert.Equal(PeopleLimits.MaxIdLength, person.Id.Length);
    }

    [Fact]
    public void More_slots_than_the_limit_names_the_availability()
    {
        var slots = string.Join(';', Enumerable.Range(0, PeopleLimits.MaxSlots + 1).Select(i => $"slot{i}"));

        Names(() => ReadPeople(Csv($"e1,Ann,mentee,5,Finance,,,{slots},f")), People, 3, "availability", $"{PeopleLimits.MaxSlots + 1} slots");
    }

    [Fact]
    public void A_ten_megabyte_id_is_refused_with_a_short_error()
    {
        var exception = Assert.Throws<InvalidInputException>(() => ReadPeople(Csv($"{new string('x', 10_000_000)},Ann,mentee,5,Finance,,,mon-am,f")));

        Assert.Contains(exception.Errors, e => e.Row == 3 && e.Field == "id");
        Assert.InRange(exception.Message.Length, 1, 2 * ShortMessage);
    }

    [Fact]
    public void More_attribute_columns_than_the_limit_is_refused_at_the_header_quickly()
    {
        var columns = Enumerable.Range(0, 100_000).Select(i => $"a{i}").ToArray();
        var csv = $"{Header},{string.Join(',', columns)}\nm1,Cat,mentor,1,Medicine,,1,mon-am,m{new string(',', columns.Length)}\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Names(() => ReadPeople(csv), People, 1, null, $"{columns.Length + 1} attribute columns");

        Assert.Contains($"at most {PeopleLimits.MaxAttributeColumns}", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_long_column_name_is_refused_shortened()
    {
        var name = new string('c', PeopleLimits.MaxColumnNameLength + 1);

        var exception = Assert.Throws<InvalidInputException>(() => ReadPeople($"{Header},{name}\nm1,Cat,mentor,1,Medicine,,1,mon-am,m,x\n"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(1, error.Row);
        Assert.StartsWith(name[..40], error.Field, StringComparison.Ordinal);
        Assert.InRange(error.Field!.Length, 1, 80);
    }

    [Fact]
    public void A_bad_value_is_echoed_short_in_every_reader_error()
    {
        var huge = new string('z', 1_000_000);

        var role = Names(() => ReadPeople(Csv($"e1,Ann,{huge},5,Finance,,,mon-am,f")), People, 3, "role", "(1000000 characters)");
        var grade = Names(() => ReadPeople(Csv($"e1,Ann,mentee,{huge},Finance,,,mon-am,f")), People, 3, "grade", "(1000000 characters)");

        Assert.InRange(role.Message.Length, 1, ShortMessage);
        Assert.InRange(grade.Message.Length, 1, ShortMessage);
    }
}
