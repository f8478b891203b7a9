using System.Net;
using System.Text.Json;
using ImageBackup.Testing;

namespace ImageBackup.LocalHost.Tests;

[TestClass]
public sealed class CrashRecoveryTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task A_host_killed_mid_fan_out_completes_the_same_instance_after_restart_with_every_item_once()
    {
        // Arrange: its own host and task hub, so the kill touches no other test.
        var servers = Enumerable.Range(1, 120).Select(i => $"node-{i:D3}").ToList();
        var taskHub = LocalHostProcess.UniqueTaskHub("crash");
        var host = await LocalHostProcess.StartAsync(taskHub);
        int progressAtKill;
        try
        {
            using var started = await host.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey,
                new { date = "2032-05-01", servers, workMilliseconds = 400, maxInFlight = 10 });
            Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode, await started.Content.ReadAsStringAsync());
            progressAtKill = await WaitForSomeProgressAsync(host.Client, servers.Count);

            // Act: kill the process (no graceful stop), then start a new one on the same task hub.
            host.Kill();
        }
        finally
        {
            await host.DisposeAsync();
        }

        await using var restarted = await LocalHostProcess.StartAsync(taskHub);
        var summary = (await NightlyRunPolling.WaitForCompletionAsync(restarted.Client, "2032-05-01", TimeSpan.FromMinutes(4))).GetProperty("summary");

        // Assert
        Assert.IsLessThan(servers.Count, progressAtKill, "the kill must happen before the fan-out finished");
        var reported = summary.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("server").GetString()).ToList();
        Assert.HasCount(servers.Count, reported);
        CollectionAssert.AreEquivalent(servers, reported);
        Assert.AreEqual(servers.Count, summary.GetProperty("succeeded").GetInt32());
    }

    private static async Task<int> WaitForSomeProgressAsync(HttpClient client, int total)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2032-05-01", LocalHostProcess.OpsKey);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (body.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object)
            {
                var completed = progress.GetProperty("completed").GetInt32();
                if (completed >= 20)
                {
                    return completed;
                }
            }

            await Task.Delay(100);
        }

        throw new AssertFailedException("The fan-out never started running.");
    }
}
