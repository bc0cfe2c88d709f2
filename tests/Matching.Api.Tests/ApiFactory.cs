using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mentoring.Matching.Api.Tests;

/// <summary>
/// The API over its own temporary SQLite file and key ring, with a fixed clock and a known coordinator key. The key
/// ring sits beside the file (<see cref="TempDatabase.KeyRingOf"/>), so a factory started on the same file is a restart.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string CoordinatorKey = "test-coordinator-key-of-32-characters-at-least";

    /// <summary>The request header a test sets to send from a given client address (the in-process host has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Every limit for the suite's other tests, far above what any of them sends; RateLimitTests keep the shipped ones.</summary>
    private const string Unlimited = "1000000";

    /// <summary>The clock's "now": sessions on or before this day are in the past.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public ApiFactory()
        : this(TempDatabase.NewPath(), CoordinatorKey, ownsDatabase: true)
    {
    }

    /// <param name="databasePath">The SQLite file (created on first start).</param>
    /// <param name="coordinatorKey">The configured key, or null to let the API generate one.</param>
    /// <param name="ownsDatabase">Delete the file (and its key ring) when disposed; false lets another factory start on it.</param>
    /// <param name="keyRingDirectory">The Data Protection key ring; null for the one beside the file.</param>
    protected ApiFactory(string databasePath, string? coordinatorKey, bool ownsDatabase, string? keyRingDirectory = null)
    {
        DatabasePath = databasePath;
        KeyRingDirectory = keyRingDirectory ?? TempDatabase.KeyRingOf(databasePath);
        ConfiguredKey = coordinatorKey;
        OwnsDatabase = ownsDatabase;
    }

    public string DatabasePath { get; }

    public string KeyRingDirectory { get; }

    public string? ConfiguredKey { get; }

    public bool OwnsDatabase { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>
    /// Whether the rate limits are lifted: tests of other behaviour send many requests from one address, to one pair
    /// and to one cohort, and would meet the limits; the tests of the limits themselves turn this off.
    /// </summary>
    protected virtual bool LiftsRateLimits => true;

    /// <summary>Every message the API logged.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>A client sending the coordinator key.</summary>
    public HttpClient Coordinator() => WithToken(CoordinatorKey);

    /// <summary>A client sending the given bearer token.</summary>
    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A connection straight to the database file, to check what is stored.</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Mentoring:Database", $"Data Source={DatabasePath}");
        builder.UseSetting("Mentoring:KeyRingDirectory", KeyRingDirectory);
        if (ConfiguredKey is not null)
        {
            builder.UseSetting("Mentoring:CoordinatorKey", ConfiguredKey);
        }

        if (LiftsRateLimits)
        {
            builder.UseSetting("Mentoring:RateLimits:FailedAuthenticationsPerMinute", Unlimited);
            builder.UseSetting("Mentoring:RateLimits:SessionWritesPerPairPerDay", Unlimited);
            builder.UseSetting("Mentoring:RateLimits:UploadsPerCohortPerHour", Unlimited);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILoggerProvider>(new QueueLoggerProvider(Logs));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDatabase)
        {
            TempDatabase.Delete(DatabasePath);
        }
    }

    /// <summary>Temporary database files, deleted with their WAL and shared-memory files and their key ring.</summary>
    public sealed class TempDatabase : IDisposable
    {
        public string Path { get; } = NewPath();

        public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mentoring-api-{Guid.NewGuid():N}.db");

        /// <summary>The key ring directory that goes with a database file.</summary>
        public static string KeyRingOf(string path) => path + "-keys";

        public static void Delete(string path)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            if (Directory.Exists(KeyRingOf(path)))
            {
                Directory.Delete(KeyRingOf(path), recursive: true);
            }
        }

        public void Dispose() => Delete(Path);
    }

    /// <summary>Gives a request the client address its test header names, ahead of the app's own middleware.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> queue) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(queue);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> queue) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            queue.Enqueue(formatter(state, exception));
    }
}
