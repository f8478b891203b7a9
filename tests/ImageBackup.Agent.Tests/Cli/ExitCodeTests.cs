using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Cli;

[TestClass]
public sealed class ExitCodeTests
{
    [TestMethod]
    public async Task A_missing_source_exits_3_with_a_clear_message()
    {
        using var folder = new TemporaryFolder();

        var run = await AgentProcess.RunAsync("capture", "--source", folder.File("no-such-disk"), "--store", folder.Store);

        Assert.AreEqual(3, run.ExitCode, run.ToString());
        Assert.Contains("does not exist", run.StandardError);
    }

    [TestMethod]
    public async Task A_store_directory_that_does_not_exist_exits_4_on_restore()
    {
        using var folder = new TemporaryFolder();

        var run = await AgentProcess.RunAsync("restore", "--generation", "20260101T000000Z-00000000", "--store", folder.File("nowhere"), "--target", folder.File("t.img"));

        Assert.AreEqual(4, run.ExitCode, run.ToString());
    }

    [TestMethod]
    public async Task A_malformed_or_unknown_generation_id_exits_6()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Store);

        var malformed = await AgentProcess.RunAsync("verify", "--generation", "latest", "--store", folder.Store);
        var unknown = await AgentProcess.RunAsync("verify", "--generation", "20260101T000000Z-00000000", "--store", folder.Store);

        Assert.AreEqual(6, malformed.ExitCode, malformed.ToString());
        Assert.AreEqual(6, unknown.ExitCode, unknown.ToString());
    }

    [TestMethod]
    public async Task A_bad_command_line_exits_2()
    {
        using var folder = new TemporaryFolder();

        var unknownOption = await AgentProcess.RunAsync("capture", "--sauce", "x", "--store", folder.Store);
        var badLimit = await AgentProcess.RunAsync("capture", "--source", "x", "--store", folder.Store, "--bandwidth-limit", "fast");

        Assert.AreEqual(2, unknownOption.ExitCode, unknownOption.ToString());
        Assert.AreEqual(2, badLimit.ExitCode, badLimit.ToString());
    }

    [TestMethod]
    public async Task Restore_onto_a_full_disk_exits_8_and_says_the_disk_is_full()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 2, seed: 7);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;

        var run = await AgentProcess.RunAsync("restore", "--generation", generation, "--store", folder.Store, "--target", "/dev/full");

        Assert.AreEqual(8, run.ExitCode, run.ToString());
        Assert.Contains("disk is full", run.StandardError);
    }

    [TestMethod]
    public async Task Restore_into_a_folder_that_does_not_exist_exits_8()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 1, seed: 14);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;

        var run = await AgentProcess.RunAsync("restore", "--generation", generation, "--store", folder.Store, "--target", folder.File("missing/restored.img"));

        Assert.AreEqual(8, run.ExitCode, run.ToString());
    }

    [TestMethod]
    public async Task A_local_store_that_cannot_be_created_exits_4()
    {
        using var folder = new TemporaryFolder();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 1, seed: 15);

        var run = await AgentProcess.RunAsync("capture", "--source", image, "--store", Path.Combine(image, "store"));

        Assert.AreEqual(4, run.ExitCode, run.ToString());
    }
}
