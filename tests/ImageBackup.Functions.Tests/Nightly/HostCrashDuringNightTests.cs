using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using ImageBackup.Storage.Blobs;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests.Nightly;

[TestClass]
public sealed class HostCrashDuringNightTests
{
    private const int Servers = 120;
    private const string Night = "2027-04-01";

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task A_host_killed_with_captures_in_flight_finishes_the_night_after_restart_with_one_generation_per_server()
    {
        // Arrange: 120 servers whose agents keep answering through the crash.
        var settings = new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = "2027-04-01T00:00:05+09:00",
            ["ImageBackup__TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
        };
        var taskHub = LocalHostProcess.UniqueTaskHub("crash");
        var host = await LocalHostProcess.StartAsync(taskHub, settings);
        var port = host.BaseAddress.Port;
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        var customerKey = await Orders.NewCustomerKeyAsync(client);
        var agents = new List<ProtocolAgent>();
        for (var i = 0; i < Servers; i++)
        {
            agents.Add(await ProtocolAgent.OrderAndEnrollAsync(client, customerKey, "backup-D3"));
        }

        var reported = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var images = Enumerable.Range(0, Servers).Select(i => new TemporaryImage(300 * 1024, seed: i)).ToList();
        try
        {
            var loops = agents.Select((a, i) => Task.Run(() => AnswerOneNightAsync(client, a, images[i].Path, reported, stop.Token))).ToList();
            using var started = await client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey, new { date = Night, maxInFlight = Servers });
            Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode);

            // Act: kill -9 once some servers are done and the rest are in flight, then start again on the same port.
            while (reported.Count < 20)
            {
                await Task.Delay(100);
            }

            var atKill = reported.Count;
            host.Kill();
            await host.DisposeAsync();
            host = await LocalHostProcess.StartAsync(taskHub, settings, port);
            JsonElement night;
            try
            {
                night = await NightlyRunPolling.WaitForCompletionAsync(client, Night, TimeSpan.FromMinutes(8));
            }
            catch (AssertFailedException e)
            {
                var notReported = agents.Where(a => !reported.ContainsKey(a.ContractId)).Select(a => a.ContractId).ToList();
                var faults = loops.Where(l => l.IsFaulted).Select(l => l.Exception!.InnerException!.GetType().Name + ": " + l.Exception.InnerException.Message).ToList();
                var output = host.Output;
                throw new AssertFailedException(
                    $"{e.Message[..Math.Min(600, e.Message.Length)]}\nagents without an accepted report: {string.Join(", ", notReported)}\nfaulted agent loops: {string.Join(" | ", faults)}\nhost output (tail):\n{output[Math.Max(0, output.Length - 4000)..]}");
            }

            stop.Cancel();
            await Task.WhenAll(loops);

            // Assert: every server succeeded once, with exactly one generation recorded and stored.
            Assert.IsLessThan(Servers, atKill, "the kill must come before the night was done");
            var notSucceeded = night.GetProperty("servers").EnumerateArray()
                .Where(s => s.GetProperty("status").GetString() != "succeeded")
                .Select(s => $"{s.GetProperty("contractId")}: {s.GetProperty("status")} ({s.GetProperty("reason")}, attempts {s.GetProperty("attempts")})")
                .ToList();
            Assert.AreEqual(Servers, night.GetProperty("totals").GetProperty("succeeded").GetInt32(),
                $"summary {night.GetProperty("summary")}; not succeeded: {string.Join("; ", notSucceeded)}");
            var blobs = new BlobServiceClient(TestStorage.ConnectionString);
            var duplicateCaptures = 0;
            foreach (var agent in agents)
            {
                using var backups = await client.SendAsync(HttpMethod.Get, $"api/contracts/{agent.ContractId}/backups", customerKey);
                var listed = await backups.ReadJsonAsync();
                Assert.AreEqual(1, listed.GetArrayLength(), $"{agent.ContractId}: {listed}");
                var manifests = new List<string>();
                await foreach (var blob in blobs.GetBlobContainerClient(BlobBackupStorage.ContainerName(agent.ContractId))
                                   .GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "generations/" }))
                {
                    manifests.Add(blob.Name);
                }

                // The listed generation is stored; a command delivered twice across the crash may have left a second,
                // unrecorded capture, which the next commit of this contract deletes (it is never listed or kept).
                Assert.Contains($"generations/{listed[0].GetProperty("generationId").GetString()}.json", manifests, $"{agent.ContractId}: {string.Join(", ", manifests)}");
                duplicateCaptures += manifests.Count - 1;
            }

            Assert.IsLessThan(Servers / 10, duplicateCaptures, "duplicate deliveries must stay the exception");
        }
        finally
        {
            stop.Cancel();
            await host.DisposeAsync();
            images.ForEach(i => i.Dispose());
        }
    }

    /// <summary>Takes this night's capture commands and reports each, retrying through the host's downtime.</summary>
    private static async Task AnswerOneNightAsync(HttpClient client, ProtocolAgent agent, string image, ConcurrentDictionary<string, string> reported, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=20s", agent.Key);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var command = (await response.ReadJsonAsync()).GetProperty("payload");
                var manifest = await ProtocolAgent.CaptureAsync(command, image);
                await ReportUntilAnsweredAsync(agent, command, manifest.GenerationId, stop);
                reported[agent.ContractId] = manifest.GenerationId;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    private static async Task ReportUntilAnsweredAsync(ProtocolAgent agent, JsonElement command, string generationId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var answer = await agent.ReportCompletedAsync(command.GetProperty("captureId").GetString()!, generationId);
                if ((int)answer.StatusCode is 202 or 404 or 409 or 422)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The host is down: try again.
            }

            await Task.Delay(500, CancellationToken.None);
        }
    }
}
