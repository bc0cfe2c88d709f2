using System.Globalization;

namespace Mentoring.Matching.Api.Storage;

/// <summary>How dates and times are written to and read from SQLite text columns: ISO 8601, invariant.</summary>
internal static class DbText
{
    public static string Write(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Write(DateOnly value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateOnly ReadDate(string text) => DateOnly.ParseExact(text, "O", CultureInfo.InvariantCulture);
}
