using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Mentoring.Matching.Api.Protection;

/// <summary>
/// The Data Protection key ring as XML files in one directory, the directory readable by its owner only (0700)
/// and each key file created 0600 from its first byte: the keys are stored unencrypted (there is no machine key
/// store on Linux), so the file modes are what keeps them from other accounts. Writes go to a temporary file
/// that is renamed into place, so a crash never leaves half a key.
/// </summary>
internal sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const string Extension = ".xml";

    private readonly string directory;

    /// <summary>Creates the directory owner-only, or narrows an existing one and its key files.</summary>
    public OwnerOnlyXmlRepository(string directory)
    {
        this.directory = directory;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
        foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Directory.EnumerateFiles(directory, "*" + Extension)
            .Order(StringComparer.Ordinal)
            .Select(file => XElement.Load(file))
            .ToArray();

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = IsSafe(friendlyName) ? friendlyName : Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                element.Save(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path.Combine(directory, name + Extension), overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Data Protection names keys <c>key-{guid}</c>; anything else that could leave the directory is replaced.</summary>
    private static bool IsSafe(string friendlyName) =>
        friendlyName.Length > 0 && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
