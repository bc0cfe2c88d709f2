namespace Mentoring.Matching.Tests;

/// <summary>Where the shared example data live, and scratch files that clean up after themselves.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Examples = new(FindExamples);

    /// <summary>
    /// <c>shared/data/examples</c>, found by walking up from the test binaries: the shared folder is a
    /// sibling of the repository (<c>&lt;repo&gt;/../shared</c>), wherever the clone is.
    /// </summary>
    public static string ExamplesFolder => Examples.Value;

    public static string Example(string name, string file) => Path.Combine(ExamplesFolder, name, file);

    public static MatchingProblem LoadExample(string name) => MatchingProblem.Load(Example(name, "people.csv"), Example(name, "policy.json"));

    /// <summary>CSV output read back with the library's RFC 4180 reader (reasons and ids may hold commas, quotes, line breaks).</summary>
    public static List<string[]> ReadCsvRows(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text), "output");
        var rows = new List<string[]>();
        var fields = new List<string>();
        while (reader.TryRead(fields, out _))
        {
            rows.Add([.. fields]);
        }

        return rows;
    }

    private static string FindExamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "examples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/data/examples above {AppContext.BaseDirectory}; the shared folder must be a sibling of the repository.");
    }
}

/// <summary>A temporary folder deleted at dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mentoring-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text, new System.Text.UTF8Encoding(false));
        return file;
    }

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
