using System.Globalization;
using Mentoring.Matching.Api.Security;

namespace Mentoring.Matching.Api.Staff;

/// <summary>The shape of a staff key: a fixed prefix and a random token, so a token of another shape costs no query.</summary>
internal static class StaffKeys
{
    private const string Prefix = "mstaff_";

    /// <summary>The roles a staff key can have.</summary>
    public static readonly IReadOnlyList<string> Roles = [Access.CoordinatorRole, Access.AnalystRole];

    public static string NewKey() => Prefix + Credentials.NewToken();

    public static bool HasShape(string token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && Credentials.HasTokenShape(token[Prefix.Length..]);

    public static string Actor(long id) => "staff-key:" + id.ToString(CultureInfo.InvariantCulture);
}
