using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Cli;

[TestClass]
public sealed class CaptureRestoreVerifyTests
{
    [TestMethod]
    public async Task Capture_prints_the_generation_id_last_and_restore_rebuilds_the_image_byte_for_byte()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 7, seed: 1, tailBytes: 4321);

        var capture = await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store, "--host", "web01", "--os", "RHEL 6", "--parallelism", "2");
        var restore = await AgentProcess.RunAsync("restore", "--generation", capture.LastOutputLine, "--store", folder.Store, "--target", folder.File("restored.img"));

        Assert.AreEqual(0, capture.ExitCode, capture.ToString());
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        Assert.MatchesRegex(@"^\d{8}T\d{6}Z-[0-9a-f]{8}$", capture.LastOutputLine);
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task Capture_from_standard_input_restores_byte_for_byte()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 4, seed: 2, tailBytes: 10);

        var capture = await AgentProcess.RunAsync(["capture", "--source", "-", "--store", folder.Store], stdinFile: image);
        var restore = await AgentProcess.RunAsync("restore", "--generation", capture.LastOutputLine, "--store", folder.Store, "--target", folder.File("restored.img"));

        Assert.AreEqual(0, capture.ExitCode, capture.ToString());
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task A_second_capture_of_an_unchanged_image_stores_no_new_chunk()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 6, seed: 3);
        await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store);
        var chunksAfterFirst = folder.ChunkFiles().Length;

        var second = await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store);

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.Contains(" 0 new ", second.StandardError);
        Assert.HasCount(chunksAfterFirst, folder.ChunkFiles());
        Assert.HasCount(2, folder.Generations());
    }

    [TestMethod]
    public async Task Verify_reports_a_corrupted_chunk_with_generation_and_image_offset_and_exits_7()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 3, seed: 4);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;
        var secondChunk = ChunkOf(folder, generation, offsetMiB: 2);
        ImageFile.CorruptChunk(secondChunk);

        var healthyCheck = await AgentProcess.RunAsync("verify", "--generation", generation, "--store", folder.Store);
        var dataCheck = await AgentProcess.RunAsync("verify", "--generation", generation, "--store", folder.Store, "--read-data");

        Assert.AreEqual(0, healthyCheck.ExitCode, healthyCheck.ToString());
        Assert.AreEqual(7, dataCheck.ExitCode, dataCheck.ToString());
        Assert.Contains($"generation {generation}, image offset {2 * ImageFile.MiB}", dataCheck.StandardError);
    }

    [TestMethod]
    public async Task Restore_with_a_corrupted_chunk_exits_7_names_the_offset_and_leaves_no_target_file()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 3, seed: 5);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;
        ImageFile.CorruptChunk(ChunkOf(folder, generation, offsetMiB: 0));

        var restore = await AgentProcess.RunAsync("restore", "--generation", generation, "--store", folder.Store, "--target", folder.File("restored.img"));

        Assert.AreEqual(7, restore.ExitCode, restore.ToString());
        Assert.Contains("image offset 0", restore.StandardError);
        Assert.IsFalse(File.Exists(folder.File("restored.img")));
        Assert.IsFalse(File.Exists(folder.File("restored.img.partial")));
    }

    private static string ChunkOf(TemporaryFolder folder, string generation, int offsetMiB)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder.Store, "generations", generation + ".json")));
        var extent = manifest.RootElement.GetProperty("extents").EnumerateArray()
            .Single(e => e.GetProperty("offset").GetInt64() == offsetMiB * (long)ImageFile.MiB);
        var id = extent.GetProperty("chunkId").GetString()!;
        return Path.Combine(folder.Store, "chunks", id[..2], id);
    }
}
