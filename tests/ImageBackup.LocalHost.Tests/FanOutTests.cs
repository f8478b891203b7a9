using System.Net;
using System.Text.Json;
using ImageBackup.Testing;

namespace ImageBackup.LocalHost.Tests;

[TestClass]
public sealed class FanOutTests
{
    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task A_200_way_fan_out_completes_with_every_server_once_in_the_summary()
    {
        // Arrange
        var servers = Enumerable.Range(1, 200).Select(i => $"srv-{i:D3}").ToList();

        // Act
        using var started = await SharedLocalHost.Host.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey,
            new { date = "2031-03-01", servers, workMilliseconds = 10 });
        var summary = (await NightlyRunPolling.WaitForCompletionAsync(SharedLocalHost.Host.Client, "2031-03-01", TimeSpan.FromMinutes(3))).GetProperty("summary");

        // Assert
        Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode);
        Assert.AreEqual("/api/ops/nightly-runs/2031-03-01", started.Headers.Location?.OriginalString);
        Assert.AreEqual(200, summary.GetProperty("total").GetInt32());
        Assert.AreEqual(200, summary.GetProperty("succeeded").GetInt32());
        var reported = summary.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("server").GetString()).ToList();
        CollectionAssert.AreEquivalent(servers, reported);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task A_second_start_of_the_same_night_is_refused_and_does_not_restart_it()
    {
        // Arrange
        var client = SharedLocalHost.Host.Client;
        using var first = await client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey,
            new { date = "2031-04-01", servers = new[] { "a", "b" }, workMilliseconds = 2000 });
        using var status = await client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2031-04-01", LocalHostProcess.OpsKey);
        var createdAt = (await status.ReadJsonAsync()).GetProperty("createdAt").GetString();

        // Act
        using var second = await client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey,
            new { date = "2031-04-01", servers = new[] { "c" }, workMilliseconds = 0 });

        // Assert
        Assert.AreEqual(HttpStatusCode.Accepted, first.StatusCode);
        var problem = await second.AssertProblemAsync(409);
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "nightly-2031-04-01");
        Assert.AreEqual("/api/ops/nightly-runs/2031-04-01", second.Headers.Location?.OriginalString);
        var summary = (await NightlyRunPolling.WaitForCompletionAsync(client, "2031-04-01", TimeSpan.FromMinutes(1))).GetProperty("summary");
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, summary.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("server").GetString()).ToList());
        using var after = await client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2031-04-01", LocalHostProcess.OpsKey);
        Assert.AreEqual(createdAt, (await after.ReadJsonAsync()).GetProperty("createdAt").GetString());
    }
}
