namespace Mentoring.Matching;

/// <summary>
/// The largest values a roster may hold, far above any real organisation's yet small enough that a broken or
/// hostile file cannot fill memory, the database or an error message. Both the CLI and the API obey them, since
/// both read people through <see cref="PeopleCsv"/>; a value over its limit is an error naming its row and field.
/// </summary>
public static class PeopleLimits
{
    /// <summary>The longest id or manager id, in characters: staff numbers and e-mail addresses fit.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The longest name, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest department, in characters.</summary>
    public const int MaxDepartmentLength = 200;

    /// <summary>The longest attribute value, in characters: room for a set of several (<c>racism;disability;sexism</c>).</summary>
    public const int MaxAttributeValueLength = 100;

    /// <summary>The most attribute columns a roster has, beyond the contract's own columns.</summary>
    public const int MaxAttributeColumns = 50;

    /// <summary>The longest column name in the header, in characters.</summary>
    public const int MaxColumnNameLength = 64;

    /// <summary>The longest availability slot token (<c>mon-am</c>), in characters.</summary>
    public const int MaxSlotLength = 32;

    /// <summary>The most availability slots one person lists: hourly slots across a working week fit twice over.</summary>
    public const int MaxSlots = 100;
}
