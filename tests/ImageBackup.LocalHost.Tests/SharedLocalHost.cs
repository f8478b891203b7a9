using ImageBackup.Testing;

namespace ImageBackup.LocalHost.Tests;

/// <summary>One local host for the tests of this assembly that do not kill it; its clock starts at 2030-01-14 23:59:50 JST.</summary>
[TestClass]
public static class SharedLocalHost
{
    /// <summary>The instant the shared host's clock starts from.</summary>
    public static readonly DateTimeOffset ClockStart = new(2030, 1, 14, 23, 59, 50, TimeSpan.FromHours(9));

    private static LocalHostProcess? host;

    /// <summary>The running host.</summary>
    public static LocalHostProcess Host => host ?? throw new InvalidOperationException("The shared local host is not started.");

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context) =>
        host = await LocalHostProcess.StartAsync(LocalHostProcess.UniqueTaskHub("localhost"), new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = ClockStart.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            // Tables of its own: the nights its timer starts must not fan out over other test assemblies' contracts.
            ["ImageBackup__TablePrefix"] = "lh" + Guid.NewGuid().ToString("N")[..10],
        });

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
