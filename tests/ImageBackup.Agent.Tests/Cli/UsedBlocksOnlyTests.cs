using System.Text.Json;
using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Cli;

[TestClass]
public sealed class UsedBlocksOnlyTests
{
    [TestMethod]
    public async Task Used_blocks_only_capture_skips_stale_free_blocks_and_restores_a_clean_file_system()
    {
        using var folder = new TemporaryFolder();
        var image = ExtImage.Create(folder, megabytes: 48);

        var capture = await AgentProcess.RunAsync("capture", "--used-blocks-only", "--source", image, "--store", folder.Store);
        var restore = await AgentProcess.RunAsync("restore", "--generation", capture.LastOutputLine, "--store", folder.Store, "--target", folder.File("restored.img"));

        Assert.AreEqual(0, capture.ExitCode, capture.ToString());
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(folder.Generations().Single()));
        Assert.IsTrue(manifest.RootElement.GetProperty("source").GetProperty("usedBlocksOnly").GetBoolean());
        Assert.IsGreaterThan(20L * ImageFile.MiB, manifest.RootElement.GetProperty("totals").GetProperty("zeroBytes").GetInt64());
        ExtImage.Run("e2fsck", "-fn", folder.File("restored.img")).AssertSucceeded();
        ExtImage.Run("debugfs", "-R", $"dump /data.bin {folder.File("data.bin")}", folder.File("restored.img")).AssertSucceeded();
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(folder.File("files"), "data.bin")), File.ReadAllBytes(folder.File("data.bin")));
    }

    [TestMethod]
    public async Task Used_blocks_only_on_a_source_with_no_partition_table_or_known_file_system_exits_3_and_suggests_a_full_capture()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("raw.img"), 2, seed: 13);

        var capture = await AgentProcess.RunAsync("capture", "--used-blocks-only", "--source", image, "--store", folder.Store);

        Assert.AreEqual(3, capture.ExitCode, capture.ToString());
        Assert.Contains("without --used-blocks-only", capture.StandardError);
        Assert.IsEmpty(folder.Generations());
    }

    [TestMethod]
    public async Task Used_blocks_only_on_a_partitioned_disk_skips_stale_free_blocks_of_its_ext4_partition_and_restores_it_clean()
    {
        using var folder = new TemporaryFolder();
        var disk = PartitionedExtImage.Create(folder, megabytes: 48);

        var capture = await AgentProcess.RunAsync("capture", "--used-blocks-only", "--source", disk, "--store", folder.Store);
        var restore = await AgentProcess.RunAsync("restore", "--generation", capture.LastOutputLine, "--store", folder.Store, "--target", folder.File("restored.img"));

        Assert.AreEqual(0, capture.ExitCode, capture.ToString());
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        Assert.Contains("used blocks: p1 (ext4)", capture.StandardError);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(folder.Generations().Single()));
        Assert.IsGreaterThan(20L * ImageFile.MiB, manifest.RootElement.GetProperty("totals").GetProperty("zeroBytes").GetInt64());
        var partition = PartitionedExtImage.ExtractPartition(folder.File("restored.img"), folder.File("p1.img"));
        ExtImage.Run("e2fsck", "-fn", partition).AssertSucceeded();
        ExtImage.Run("debugfs", "-R", $"dump /data.bin {folder.File("data.bin")}", partition).AssertSucceeded();
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(folder.File("files"), "data.bin")), File.ReadAllBytes(folder.File("data.bin")));
        CollectionAssert.AreEqual(File.ReadAllBytes(disk).AsSpan(0, 512).ToArray(), File.ReadAllBytes(folder.File("restored.img")).AsSpan(0, 512).ToArray(), "the partition table is captured");
    }
}
