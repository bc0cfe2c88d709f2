using Mentoring.Matching.Api.Hosting;

namespace Mentoring.Matching.Api.Protection;

/// <summary>Where the Data Protection key ring is: the <c>KeyRingDirectory</c> setting, a relative one under the app's directory.</summary>
/// <param name="Directory">The absolute directory.</param>
internal sealed record KeyRing(string Directory)
{
    public static KeyRing From(MentoringSettings settings, IWebHostEnvironment environment) =>
        new(Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.KeyRingDirectory)));
}
