using System.Text.Json;
using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Cli;

[TestClass]
public sealed class InterruptedCaptureTests
{
    [TestMethod]
    public async Task A_capture_killed_midway_leaves_no_generation_and_a_rerun_uploads_only_the_missing_chunks()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 256, seed: 6);
        var slow = AgentProcess.Start(["capture", "--source", image, "--store", folder.Store, "--bandwidth-limit", "16M", "--parallelism", "2"]);
        _ = slow.StandardOutput.ReadToEndAsync();
        _ = slow.StandardError.ReadToEndAsync();
        await WaitForChunksAsync(folder, atLeast: 30);
        slow.Kill(entireProcessTree: true);
        await slow.WaitForExitAsync();
        var chunksBeforeRerun = folder.ChunkFiles().Length;
        var generationsAfterKill = folder.Generations().Length;

        var rerun = await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store);

        Assert.AreEqual(0, generationsAfterKill);
        Assert.AreEqual(0, rerun.ExitCode, rerun.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(folder.Generations().Single()));
        var totals = manifest.RootElement.GetProperty("totals");
        var dataChunks = totals.GetProperty("dataChunks").GetInt64();
        Assert.IsLessThan(dataChunks, (long)chunksBeforeRerun);
        Assert.AreEqual(dataChunks - chunksBeforeRerun, totals.GetProperty("newChunks").GetInt64());
        Assert.HasCount((int)dataChunks, folder.ChunkFiles());
    }

    private static async Task WaitForChunksAsync(TemporaryFolder folder, int atLeast)
    {
        for (var i = 0; i < 1200 && folder.ChunkFiles().Length < atLeast; i++)
        {
            await Task.Delay(50);
        }
        Assert.IsGreaterThanOrEqualTo(atLeast, folder.ChunkFiles().Length, "the slowed capture did not store chunks in time");
    }
}
