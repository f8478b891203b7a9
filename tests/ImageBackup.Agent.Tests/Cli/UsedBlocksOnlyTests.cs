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
    public async Task Used_blocks_only_on_a_source_that_is_not_ext_exits_3_and_suggests_a_full_capture()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("raw.img"), 2, seed: 13);

        var capture = await AgentProcess.RunAsync("capture", "--used-blocks-only", "--source", image, "--store", folder.Store);

        Assert.AreEqual(3, capture.ExitCode, capture.ToString());
        Assert.Contains("without --used-blocks-only", capture.StandardError);
        Assert.IsEmpty(folder.Generations());
    }
}
