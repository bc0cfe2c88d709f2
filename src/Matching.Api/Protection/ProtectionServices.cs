using Mentoring.Matching.Api.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Mentoring.Matching.Api.Protection;

/// <summary>Wires Data Protection: one key ring, on disk apart from the database, for personal data and the web app's cookies.</summary>
internal static class ProtectionServices
{
    /// <summary>
    /// Isolates this app's keys and payloads from other apps sharing a key ring. Changing it makes every sealed
    /// value and every sign-in cookie unreadable.
    /// </summary>
    public const string ApplicationName = "Mentoring";

    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton(sp => KeyRing.From(sp.GetRequiredService<IOptions<MentoringSettings>>().Value, sp.GetRequiredService<IWebHostEnvironment>()));

        // Configured after AddDataProtection's own defaults, so this repository replaces the default location.
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeyRing>((options, ring) => options.XmlRepository = new OwnerOnlyXmlRepository(ring.Directory));
        services.AddSingleton<PersonalData>();
        services.AddSingleton<KeyRingCheck>();
        services.AddSingleton<PlaintextSealing>();
        return services;
    }
}
