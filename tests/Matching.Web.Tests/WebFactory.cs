using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mentoring.Matching.Web.Tests;

/// <summary>The app (API and web) over its own temporary SQLite file and key ring, with a fixed clock, a known key, and every log line kept.</summary>
public class WebFactory : WebApplicationFactory<Program>
{
    public const string CoordinatorKey = "web-test-coordinator-key-of-32-characters-at-least";

    /// <summary>The clock's "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"mentoring-web-{Guid.NewGuid():N}.db");

    /// <summary>The Data Protection key ring: personal data and the sign-in cookies are protected with it.</summary>
    public string KeyRingDirectory => databasePath + "-keys";

    public FakeTimeProvider Time { get; } = new(Now);

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>A client sending the coordinator key to the API.</summary>
    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CoordinatorKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Mentoring:Database", $"Data Source={databasePath}");
        builder.UseSetting("Mentoring:CoordinatorKey", CoordinatorKey);
        builder.UseSetting("Mentoring:KeyRingDirectory", KeyRingDirectory);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILoggerProvider>(new QueueLoggerProvider(Logs));
        });
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(KeyRingDirectory))
        {
            Directory.Delete(KeyRingDirectory, recursive: true);
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(formatter(state, exception));
    }
}

/// <summary>The app on a real Kestrel port on loopback, for the browser.</summary>
public sealed class KestrelWebFactory : WebFactory
{
    public KestrelWebFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl =>
        Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
