using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

/// <summary>One local host for the HTTP tests of this assembly.</summary>
[TestClass]
public static class ServiceHost
{
    private static LocalHostProcess? host;

    /// <summary>The running host.</summary>
    public static LocalHostProcess Host => host ?? throw new InvalidOperationException("The local host is not started.");

    /// <summary>The host's client.</summary>
    public static HttpClient Client => Host.Client;

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context) =>
        host = await LocalHostProcess.StartAsync(LocalHostProcess.UniqueTaskHub("functions"));

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
