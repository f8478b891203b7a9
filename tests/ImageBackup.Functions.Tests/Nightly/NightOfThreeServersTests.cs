using System.Net;
using Azure;
using Azure.Storage.Blobs;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests.Nightly;

[TestClass]
public sealed class NightOfThreeServersTests
{
    private const string Night = "2027-01-04"; // a Monday: daily and weekly

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task A_night_commits_reported_generations_retries_a_failure_and_skips_maintenance()
    {
        // Arrange: a host whose clock is five seconds into the night, with tables of its own.
        await using var host = await LocalHostProcess.StartAsync(LocalHostProcess.UniqueTaskHub("night"), new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = "2027-01-04T00:00:05+09:00",
            ["ImageBackup__TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
        });
        var client = host.Client;
        var customerKey = await Orders.NewCustomerKeyAsync(client);
        var steady = await ProtocolAgent.OrderAndEnrollAsync(client, customerKey, "backup-D7");
        var flaky = await ProtocolAgent.OrderAndEnrollAsync(client, customerKey, "backup-D7");
        var resting = await ProtocolAgent.OrderAndEnrollAsync(client, customerKey, "backup-D7");
        using var window = await client.SendAsync(HttpMethod.Post, "api/ops/maintenance-windows", LocalHostProcess.OpsKey,
            new { contractId = resting.ContractId, from = "2027-01-03T22:00:00+09:00", to = "2027-01-04T08:00:00+09:00", reason = "disk swap" });
        Assert.AreEqual(HttpStatusCode.Created, window.StatusCode, await window.Content.ReadAsStringAsync());
        using var image = new TemporaryImage(3 * 1024 * 1024 + 123);

        // Act
        using var started = await client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey, new { date = Night });
        Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode, await started.Content.ReadAsStringAsync());

        var steadyCommand = await steady.NextCommandAsync(TimeSpan.FromMinutes(3));
        var steadyCapture = steadyCommand.GetProperty("captureId").GetString()!;
        var manifest = await ProtocolAgent.CaptureAsync(steadyCommand, image.Path);
        using var unknownGeneration = await steady.ReportCompletedAsync(steadyCapture, "20270103T150000Z-00000000");
        using var notTheirs = await flaky.ReportCompletedAsync(steadyCapture, manifest.GenerationId);
        using var completed = await steady.ReportCompletedAsync(steadyCapture, manifest.GenerationId);

        var firstAttempt = await flaky.NextCommandAsync(TimeSpan.FromMinutes(3));
        using var failed = await flaky.ReportFailedAsync(firstAttempt.GetProperty("captureId").GetString()!, "source unreadable: /dev/sda: I/O error");
        var secondAttempt = await flaky.NextCommandAsync(TimeSpan.FromMinutes(2));
        var flakyManifest = await ProtocolAgent.CaptureAsync(secondAttempt, image.Path);
        using var flakyCompleted = await flaky.ReportCompletedAsync(secondAttempt.GetProperty("captureId").GetString()!, flakyManifest.GenerationId);

        var night = await NightlyRunPolling.WaitForCompletionAsync(client, Night, TimeSpan.FromMinutes(2));
        using var late = await steady.ReportCompletedAsync(steadyCapture, manifest.GenerationId);
        using var backupsResponse = await client.SendAsync(HttpMethod.Get, $"api/contracts/{steady.ContractId}/backups", customerKey);
        using var contractResponse = await client.SendAsync(HttpMethod.Get, $"api/contracts/{steady.ContractId}", customerKey);

        // Assert: reports are checked before anything changes.
        var missing = await unknownGeneration.AssertProblemAsync(422);
        StringAssert.Contains(missing.GetProperty("detail").GetString(), "no manifest");
        await notTheirs.AssertProblemAsync(404);
        Assert.AreEqual(HttpStatusCode.Accepted, completed.StatusCode, await completed.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Accepted, failed.StatusCode, await failed.Content.ReadAsStringAsync());
        Assert.AreEqual(2, secondAttempt.GetProperty("attempt").GetInt32());
        await late.AssertProblemAsync(409);

        // Assert: the night's outcomes.
        Assert.AreEqual(3, night.GetProperty("totals").GetProperty("servers").GetInt32(), night.ToString());
        Assert.AreEqual(2, night.GetProperty("totals").GetProperty("succeeded").GetInt32(), night.ToString());
        Assert.AreEqual(1, night.GetProperty("totals").GetProperty("skipped").GetInt32(), night.ToString());
        var steadyOutcome = NightlyRunPolling.ServerOutcome(night, steady.ContractId);
        Assert.AreEqual("succeeded", steadyOutcome.GetProperty("status").GetString());
        Assert.AreEqual(manifest.GenerationId, steadyOutcome.GetProperty("generationId").GetString());
        Assert.AreEqual(manifest.ImageSize, steadyOutcome.GetProperty("imageSize").GetInt64());
        var flakyOutcome = NightlyRunPolling.ServerOutcome(night, flaky.ContractId);
        Assert.AreEqual("succeeded", flakyOutcome.GetProperty("status").GetString());
        Assert.AreEqual(2, flakyOutcome.GetProperty("attempts").GetInt32());
        var restingOutcome = NightlyRunPolling.ServerOutcome(night, resting.ContractId);
        Assert.AreEqual("skipped", restingOutcome.GetProperty("status").GetString());
        StringAssert.Contains(restingOutcome.GetProperty("reason").GetString(), "disk swap");

        // Assert: the customer sees the generation, tagged and kept by the plan; the first backup activated the contract.
        var backups = (await backupsResponse.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.HasCount(1, backups);
        Assert.AreEqual(manifest.GenerationId, backups[0].GetProperty("generationId").GetString());
        CollectionAssert.AreEqual(new[] { "daily", "weekly" }, backups[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
        Assert.AreEqual("backup-D7", backups[0].GetProperty("keptLongestBy").GetString());
        var contract = await contractResponse.ReadJsonAsync();
        Assert.AreEqual("active", contract.GetProperty("status").GetString());
        Assert.AreEqual(Night, contract.GetProperty("billingStart").GetString());
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task The_capture_store_url_can_write_but_not_read_list_or_delete()
    {
        // Arrange
        await using var host = await LocalHostProcess.StartAsync(LocalHostProcess.UniqueTaskHub("sas"), new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = "2027-02-01T00:00:05+09:00",
            ["ImageBackup__TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
        });
        var customerKey = await Orders.NewCustomerKeyAsync(host.Client);
        var agent = await ProtocolAgent.OrderAndEnrollAsync(host.Client, customerKey, "backup-D3");
        using var image = new TemporaryImage(1024 * 1024);
        using var started = await host.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey, new { date = "2027-02-01" });

        // Act
        var command = await agent.NextCommandAsync(TimeSpan.FromMinutes(3));
        var storeUrl = command.GetProperty("store").GetString()!;
        var manifest = await ProtocolAgent.CaptureAsync(command, image.Path);
        var container = new BlobContainerClient(new Uri(storeUrl));
        var manifestBlob = container.GetBlobClient($"generations/{manifest.GenerationId}.json");

        // Assert
        StringAssert.Contains(storeUrl, "sp=cw");
        StringAssert.Contains(storeUrl, "se=2027-01-31T21%3A00%3A00Z"); // 06:00 JST
        Assert.AreEqual(403, (await Assert.ThrowsExactlyAsync<RequestFailedException>(() => manifestBlob.DownloadContentAsync())).Status);
        Assert.AreEqual(403, (await Assert.ThrowsExactlyAsync<RequestFailedException>(() => container.GetBlobsAsync().AsPages().GetAsyncEnumerator().MoveNextAsync().AsTask())).Status);
        Assert.AreEqual(403, (await Assert.ThrowsExactlyAsync<RequestFailedException>(() => manifestBlob.DeleteAsync())).Status);
    }
}
