namespace Mentoring.Matching.Web.Tests;

/// <summary>Files of the repository the tests use: the seeds, and where screenshots go.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mentoring.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (Mentoring.sln) was not found.");
        }
    }

    public static string SeedsPeople => Path.Combine(Root, "seeds", "people.csv");

    public static string SeedsPolicy => Path.Combine(Root, "seeds", "policy.json");

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "docs", "screenshots")).FullName;
}
