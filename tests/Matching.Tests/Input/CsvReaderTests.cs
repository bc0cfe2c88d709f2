using System.Text;
using static Mentoring.Matching.Tests.InputErrorAssert;

namespace Mentoring.Matching.Tests;

/// <summary>people.csv as RFC 4180 and the contract read it: BOM, quoting, line breaks, free header order.</summary>
public sealed class CsvReaderTests
{
    private const string Simple = "id,name,role,grade,department,manager_id,capacity,availability,gender\ne1,Ann,mentee,5,Finance,,,mon-am,f\nm1,Bob,mentor,1,Medicine,e1,2,mon-am;tue-pm,m\n";

    [Fact]
    public void A_plain_file_gives_every_field()
    {
        var roster = ReadPeople(Simple);

        Assert.Equal(["gender"], roster.AttributeColumns);
        var mentor = roster.People[1];
        Assert.Equal(("m1", "Bob", ParticipantRole.Mentor, 1, "Medicine", "e1", 2), (mentor.Id, mentor.Name, mentor.Role, mentor.Grade, mentor.Department, mentor.ManagerId, mentor.Capacity));
        Assert.Equal(["mon-am", "tue-pm"], mentor.Availability);
        Assert.Equal("m", mentor.Attributes["gender"]);
        Assert.Null(roster.People[0].ManagerId);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Simple)).ToArray();

        var roster = ReadPeople(bytes);

        Assert.Equal(["e1", "m1"], roster.People.Select(p => p.Id));
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_newlines_and_any_unicode()
    {
        var csv = "id,name,role,grade,manager_id,availability,gender\n"
            + "e1,\"Okafor, Dev \"\"DJ\"\"\nJr\",mentee,5,,mon-am,f\n"
            + "\"m1\",\"Zoë O'Brien-Łukasz 李\",mentor,1,,\"mon-am;tue-pm\",\"\"\n";

        var roster = ReadPeople(csv);

        Assert.Equal("Okafor, Dev \"DJ\"\nJr", roster.People[0].Name);
        Assert.Equal("Zoë O'Brien-Łukasz 李", roster.People[1].Name);
        Assert.Equal("m1", roster.People[1].Id);
        Assert.Equal(["mon-am", "tue-pm"], roster.People[1].Availability);
        Assert.Equal(string.Empty, roster.People[1].Attributes["gender"]);
    }

    [Fact]
    public void Line_numbers_stay_physical_after_a_quoted_newline()
    {
        var csv = "id,name,role,grade,manager_id,availability,gender\n"
            + "e1,\"Ann\nSecond line\nThird line\",mentee,5,,mon-am,f\n"
            + "m1,Bob,mentor,one,,mon-am,m\n";

        Names(() => ReadPeople(csv), "people.csv", 5, "grade");
    }

    [Fact]
    public void A_quoted_crlf_inside_a_field_counts_as_one_line()
    {
        var csv = "id,name,role,grade,manager_id,availability,gender\r\n"
            + "e1,\"Ann\r\nSmith\",mentee,5,,mon-am,f\r\n"
            + "m1,Bob,mentor,x,,mon-am,m\r\n";

        Names(() => ReadPeople(csv), "people.csv", 4, "grade");
    }

    [Fact]
    public void Crlf_line_endings_read_the_same_as_lf()
    {
        var crlf = ReadPeople(Simple.Replace("\n", "\r\n", StringComparison.Ordinal));
        var lf = ReadPeople(Simple);

        Assert.Equal(lf.People.Select(Describe), crlf.People.Select(Describe));
        Names(() => ReadPeople(Simple.Replace("\n", "\r\n", StringComparison.Ordinal) + "m2,Cy,mentor,1,,,-1,mon-am,m\r\n"), "people.csv", 4, "capacity");
    }

    [Fact]
    public void Header_names_are_case_insensitive_and_columns_come_in_any_order()
    {
        var csv = " Gender ,AVAILABILITY,Manager_ID,Capacity,Department,Grade,Role,Name,ID\nf,mon-am,,,Finance,5,MENTEE,Ann,e1\nm,mon-am;tue-pm,e1,2,Medicine,1, Mentor ,Bob,m1\n";

        var roster = ReadPeople(csv);

        Assert.Equal(ReadPeople(Simple).People.Select(Describe), roster.People.Select(Describe));
        Assert.Equal(["gender"], roster.AttributeColumns);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n\n")]
    [InlineData("\r\n\r\n")]
    public void Blank_trailing_lines_are_ignored(string trailing)
    {
        var roster = ReadPeople(Simple + trailing);

        Assert.Equal(2, roster.People.Count);
    }

    [Fact]
    public void A_blank_line_in_the_middle_is_skipped_and_later_lines_keep_their_numbers()
    {
        var csv = "id,role,grade,manager_id,availability,gender\ne1,mentee,5,,mon-am,f\n\nm1,mentor,zero,,mon-am,m\n";

        Names(() => ReadPeople(csv), "people.csv", 4, "grade");
    }

    [Fact]
    public void A_last_row_without_a_final_newline_is_read() =>
        Assert.Equal(2, ReadPeople(Simple.TrimEnd('\n')).People.Count);

    [Fact]
    public void Every_column_beyond_the_contracts_own_is_a_diversity_attribute_trimmed()
    {
        var csv = "id,role,grade,manager_id,availability,Ethnicity,age_band,LGBTQ\ne1,mentee,5,,mon-am, Asian ,50+,Prefer not to say\n";

        var person = Assert.Single(ReadPeople(csv).People);

        Assert.Equal(["ethnicity", "age_band", "lgbtq"], ReadPeople(csv).AttributeColumns);
        Assert.Equal("Asian", person.Attributes["ethnicity"]);
        Assert.Equal("Asian", person.Attributes["ETHNICITY"]);
        Assert.Equal("50+", person.Attributes["age_band"]);
    }

    [Fact]
    public void Roles_and_slots_are_compared_trimmed_and_case_insensitively()
    {
        var csv = "id,role,grade,manager_id,availability,gender\ne1, MENTEE ,5,,Mon-AM; tue-pm ;;MON-am,f\nn1,,,,,\n";

        var roster = ReadPeople(csv);

        Assert.Equal([ParticipantRole.Mentee, ParticipantRole.None], roster.People.Select(p => p.Role));
        Assert.Equal(["mon-am", "tue-pm"], roster.People[0].Availability.Select(ReferenceMatcher.Norm).Distinct());
        Assert.Null(roster.People[1].Grade);
    }

    [Fact]
    public void Name_department_and_capacity_columns_are_optional()
    {
        var roster = ReadPeople("id,role,grade,manager_id,availability,gender\nm1,mentor,1,,mon-am,f\n");

        var mentor = Assert.Single(roster.People);
        Assert.Equal((string.Empty, string.Empty, 1), (mentor.Name, mentor.Department, mentor.Capacity));
    }

    [Fact]
    public void A_large_file_crossing_the_read_buffer_keeps_quoted_fields_and_line_numbers()
    {
        var text = new StringBuilder("id,name,role,grade,manager_id,availability,gender\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i},\"Name, with \"\"quotes\"\" {i}\nand a second line\",mentee,5,,mon-am,f\n");
        }

        var roster = ReadPeople(text.ToString());
        Names(() => ReadPeople(text + "bad,x,mentee,high,,mon-am,f\n"), "people.csv", 2 + (2 * 3000), "grade");

        Assert.Equal(3000, roster.People.Count);
        Assert.Equal("Name, with \"quotes\" 2999\nand a second line", roster.People[^1].Name);
    }

    private static string Describe(Person p) =>
        $"{p.Id}|{p.Name}|{p.Role}|{p.Grade}|{p.Department}|{p.ManagerId}|{p.Capacity}|{string.Join(';', p.Availability)}|{string.Join(';', p.Attributes.Select(a => $"{a.Key}={a.Value}"))}";
}
