using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using ImageBackup.Agent.Tests.Daemon;
using ImageBackup.Agent.Tests.Support;
using ImageBackup.Testing;

namespace ImageBackup.Agent.Tests.EndToEnd;

/// <summary>
/// The acceptance path of nightly captures: an order, the shipped agent daemon enrolling with the order's token, four
/// nights (the host restarted on each night's clock) with the disk churned between them, retention of a D3 plan dropping
/// the first generation, and a byte-exact restore of the newest one.
/// </summary>
[TestClass]
public sealed class NightlyBackupEndToEndTests
{
    private static readonly DateOnly FirstNight = new(2031, 6, 2); // a Monday

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task Four_nights_keep_the_newest_three_generations_and_the_newest_restores_byte_for_byte()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var taskHub = LocalHostProcess.UniqueTaskHub("e2e");
        var tablePrefix = "e2e" + Guid.NewGuid().ToString("N")[..10];
        var disk = ImageFile.WriteMixed(folder.File("disk.img"), 6, seed: 7);
        string? customerKey = null, contractId = null, enrollmentToken = null;
        var generationsByNight = new List<string>();

        // Act: four nights, each on a host whose clock is a few seconds into that night.
        for (var n = 0; n < 4; n++)
        {
            var night = FirstNight.AddDays(n);
            await using var host = await LocalHostProcess.StartAsync(taskHub, new Dictionary<string, string>
            {
                ["ImageBackup__Clock__Now"] = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:05+09:00",
                ["ImageBackup__TablePrefix"] = tablePrefix,
            });
            if (n == 0)
            {
                (customerKey, contractId, enrollmentToken) = await OrderAsync(host.Client);
            }
            else
            {
                Churn(disk, seed: n);
            }

            var extra = n == 0 ? new[] { "--once", "--enrollment-token", enrollmentToken! } : ["--once"];
            using var agent = RunningAgent.Start(host.BaseAddress, folder.File("state"), disk, extra);
            await agent.WaitForLogAsync("Waiting for commands");
            using var started = await host.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey, new { date = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode);
            Assert.AreEqual(0, await agent.WaitForExitAsync(), agent.StandardError);
            var outcome = NightlyRunPolling.ServerOutcome(
                await NightlyRunPolling.WaitForCompletionAsync(host.Client, night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.FromMinutes(3)),
                contractId!);
            Assert.AreEqual("succeeded", outcome.GetProperty("status").GetString(), outcome.ToString());
            generationsByNight.Add(outcome.GetProperty("generationId").GetString()!);
            File.Copy(disk, folder.File($"disk-night-{n}.img"));
        }

        JsonElement backups;
        await using (var host = await LocalHostProcess.StartAsync(taskHub, new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = FirstNight.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00:00+09:00",
            ["ImageBackup__TablePrefix"] = tablePrefix,
        }))
        {
            using var response = await host.Client.SendAsync(HttpMethod.Get, $"api/contracts/{contractId}/backups", customerKey);
            backups = await response.ReadJsonAsync();
        }

        var restored = folder.File("restored.img");
        var restore = await AgentProcess.RunAsync("restore", "--generation", generationsByNight[3], "--store", OperationsReadSas(contractId!), "--target", restored);

        // Assert: the newest three generations are listed, newest first, and the first is gone from the store.
        var listed = backups.EnumerateArray().Select(b => b.GetProperty("generationId").GetString()).ToList();
        CollectionAssert.AreEqual(new[] { generationsByNight[3], generationsByNight[2], generationsByNight[1] }, listed, backups.ToString());
        CollectionAssert.AreEqual(new[] { "daily" }, backups[2].GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
        Assert.AreEqual("2031-06-06", backups[2].GetProperty("dropsAfterNight").GetString(), "the oldest of three drops with the next night's capture");
        Assert.IsFalse(await ManifestExistsAsync(contractId!, generationsByNight[0]), "retention must delete the first night's manifest");
        Assert.IsTrue(await ManifestExistsAsync(contractId!, generationsByNight[1]));

        // Assert: the newest generation restores byte for byte.
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        CollectionAssert.AreEqual(File.ReadAllBytes(folder.File("disk-night-3.img")), File.ReadAllBytes(restored));
    }

    private static async Task<(string CustomerKey, string ContractId, string EnrollmentToken)> OrderAsync(HttpClient client)
    {
        using var customer = await client.SendAsync(HttpMethod.Post, "api/ops/customers", LocalHostProcess.OpsKey, new { name = "E2E KK", email = "e2e@example.co.jp" });
        var customerKey = (await customer.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        using var order = await client.SendAsync(HttpMethod.Post, "api/orders", customerKey, new
        {
            server = new { hostname = "web01.example.co.jp", ipAddress = "203.0.113.10", os = "rhel7", capacityBytes = 500_000_000_000L },
            plans = new[] { "backup-D3" },
        });
        var body = await order.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, order.StatusCode, body.ToString());
        return (customerKey, body.GetProperty("id").GetString()!, body.GetProperty("enrollmentToken").GetString()!);
    }

    /// <summary>Clustered and scattered writes, as a day of use would make.</summary>
    private static void Churn(string disk, int seed)
    {
        var random = new Random(seed);
        using var file = new FileStream(disk, FileMode.Open, FileAccess.Write);
        var block = new byte[64 * 1024];
        for (var i = 0; i < 3; i++)
        {
            random.NextBytes(block);
            file.Position = random.NextInt64(0, file.Length - block.Length);
            file.Write(block);
        }
    }

    /// <summary>The read/list SAS operations use for a restore (customers never get storage credentials).</summary>
    private static string OperationsReadSas(string contractId)
    {
        var container = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient(contractId.ToLowerInvariant());
        return container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1)).ToString();
    }

    private static async Task<bool> ManifestExistsAsync(string contractId, string generationId) =>
        (await new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient(contractId.ToLowerInvariant())
            .GetBlobClient($"generations/{generationId}.json").ExistsAsync()).Value;
}
