using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Cli;

[TestClass]
public sealed class FileRestoreCliTests
{
    [TestMethod]
    public async Task Ls_lists_the_volumes_and_a_directory_of_a_captured_generation()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var image = ExtImage.Create(folder, 16);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;

        // Act
        var volumes = await AgentProcess.RunAsync("ls", "--generation", generation, "--store", folder.Store);
        var root = await AgentProcess.RunAsync("ls", "--generation", generation, "--store", folder.Store, "--path", "disk:/");

        // Assert
        Assert.AreEqual(0, volumes.ExitCode, volumes.StandardError);
        StringAssert.Matches(volumes.StandardOutput, new System.Text.RegularExpressions.Regex(@"(?m)^disk\s+disk\s+ext4\s+16\.0 MiB"));
        Assert.AreEqual(0, root.ExitCode, root.StandardError);
        StringAssert.Matches(root.StandardOutput, new System.Text.RegularExpressions.Regex(@"(?m)^- 0644\s+6 \S+ hostname$"));
        StringAssert.Matches(root.StandardOutput, new System.Text.RegularExpressions.Regex(@"(?m)^d 0700\s+\d+ \S+ lost\+found$"));
    }

    [TestMethod]
    public async Task Restore_files_writes_the_named_files_and_refuses_to_overwrite_them_without_the_flag()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var image = ExtImage.Create(folder, 16);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;
        var target = folder.File("restored");
        string[] arguments = ["restore-files", "--generation", generation, "--store", folder.Store, "--path", "disk:/hostname", "--path", "disk:/data.bin", "--target", target];

        // Act
        var first = await AgentProcess.RunAsync(arguments);
        var second = await AgentProcess.RunAsync(arguments);
        var third = await AgentProcess.RunAsync([.. arguments, "--overwrite"]);

        // Assert
        Assert.AreEqual(0, first.ExitCode, first.StandardError);
        Assert.AreEqual("web01\n", File.ReadAllText(Path.Combine(target, "hostname")));
        CollectionAssert.AreEqual(File.ReadAllBytes(folder.File("files/data.bin")), File.ReadAllBytes(Path.Combine(target, "data.bin")));
        Assert.AreEqual(11, second.ExitCode, second.StandardError);
        StringAssert.Contains(second.StandardError, "--overwrite");
        Assert.AreEqual(0, third.ExitCode, third.StandardError);
    }

    [TestMethod]
    public async Task A_missing_path_or_volume_exits_with_the_path_not_found_code()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var image = ExtImage.Create(folder, 16);
        var generation = (await AgentProcess.RunAsync("capture", "--source", image, "--store", folder.Store)).LastOutputLine;

        // Act
        var missingFile = await AgentProcess.RunAsync("ls", "--generation", generation, "--store", folder.Store, "--path", "disk:/etc/nothing");
        var missingVolume = await AgentProcess.RunAsync("restore-files", "--generation", generation, "--store", folder.Store, "--path", "p7:/x", "--target", folder.File("t"));
        var badPath = await AgentProcess.RunAsync("ls", "--generation", generation, "--store", folder.Store, "--path", "disk:/../etc");

        // Assert
        Assert.AreEqual(10, missingFile.ExitCode, missingFile.StandardError);
        StringAssert.Contains(missingFile.StandardError, "/etc does not exist");
        Assert.AreEqual(10, missingVolume.ExitCode, missingVolume.StandardError);
        StringAssert.Contains(missingVolume.StandardError, "no volume 'p7'");
        Assert.AreEqual(2, badPath.ExitCode, badPath.StandardError);
    }
}
