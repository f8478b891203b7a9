using System.Text.Json;
using Azure.Storage.Blobs;
using ImageBackup.Agent.Tests.Support;
using ImageBackup.Testing;

namespace ImageBackup.Agent.Tests.Daemon;

/// <summary>
/// The fault "an agent is killed mid-upload" of the nightly protocol, with the real daemon as a child process and the
/// real service: nothing partial becomes visible, and an agent that comes back within the window finishes the night.
/// </summary>
[TestClass]
[DoNotParallelize]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentKilledMidUploadTests
{
    private static NightlyService? service;

    private static NightlyService Service => service ?? throw new InvalidOperationException("the local host is not started");

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => service = await NightlyService.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task An_agent_killed_mid_upload_leaves_no_generation_and_after_its_restart_the_night_has_exactly_one()
    {
        // Arrange: an enrolled agent uploading slowly (1 MiB/s) an image of 8 MiB, half of it data.
        using var folder = new TemporaryFolder();
        var night = new DateOnly(2031, 3, 10);
        var order = await Service.PlaceOrderAsync();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 8, seed: 47);
        var container = new BlobContainerClient(TestStorage.ConnectionString, order.ContractId.ToLowerInvariant());
        using var slow = RunningAgent.Start(Service.BaseAddress, folder.File("state"), image,
            "--once", "--enrollment-token", order.EnrollmentToken, "--bandwidth-limit", "1M", "--parallelism", "1");
        await slow.WaitForLogAsync("Waiting for commands");
        await Service.StartNightAsync(night);
        await slow.WaitForLogAsync("Capturing");
        await WaitForChunksAsync(container);

        // Act: kill -9 in the middle of the upload, look, then start the agent again without a limit.
        slow.KillHard();
        var chunksAtKill = await CountAsync(container, "chunks/");
        using var listedAfterKill = await Service.Client.SendAsync(HttpMethod.Get, $"api/contracts/{order.ContractId}/backups", order.CustomerKey);
        var backupsAfterKill = await listedAfterKill.ReadJsonAsync();
        var manifestsAfterKill = await CountAsync(container, "generations/");
        using var restarted = RunningAgent.Start(Service.BaseAddress, folder.File("state"), image, "--once");
        var exit = await restarted.WaitForExitAsync();
        var backups = await Service.WaitForBackupsAsync(order);

        // Assert
        Assert.IsGreaterThan(0, chunksAtKill, "the kill came before any chunk was uploaded");
        Assert.AreEqual(0, manifestsAfterKill, "a killed capture must not leave a manifest");
        Assert.AreEqual(0, backupsAfterKill.GetArrayLength(), backupsAfterKill.ToString());
        Assert.AreEqual(0, exit, restarted.StandardError);
        Assert.Contains("Resuming command " + order.CaptureId(night), restarted.StandardError);
        Assert.Contains($"Reported {order.CaptureId(night)} completed", restarted.StandardError);
        Assert.AreEqual(1, backups.GetArrayLength(), backups.ToString());
        Assert.AreEqual(1, await CountAsync(container, "generations/"));
        Assert.AreEqual(8 * ImageFile.MiB, backups[0].GetProperty("imageSize").GetInt64());
    }

    private static async Task WaitForChunksAsync(BlobContainerClient container)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (await CountAsync(container, "chunks/") < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<int> CountAsync(BlobContainerClient container, string prefix)
    {
        if (!await container.ExistsAsync())
        {
            return 0;
        }
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            count++;
        }
        return count;
    }
}
