using Azure.Storage.Sas;
using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Cli;

[TestClass]
public sealed class BlobStoreCliTests
{
    [TestMethod]
    public async Task Capture_to_a_write_only_container_sas_works_twice_and_restores_with_a_read_sas()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var writeOnly = Azurite.SasUrl(container, BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write);
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 5, seed: 8, tailBytes: 99);

        var first = await AgentProcess.RunAsync("capture", "--source", image, "--store", writeOnly);
        var second = await AgentProcess.RunAsync("capture", "--source", image, "--store", writeOnly);
        var readSas = Azurite.SasUrl(container, BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List);
        var verify = await AgentProcess.RunAsync("verify", "--generation", second.LastOutputLine, "--store", readSas, "--read-data");
        var restore = await AgentProcess.RunAsync("restore", "--generation", second.LastOutputLine, "--store", readSas, "--target", folder.File("restored.img"));

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.Contains(" 0 new ", second.StandardError);
        Assert.AreEqual(0, verify.ExitCode, verify.ToString());
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task An_expired_sas_exits_5()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var expired = Azurite.SasUrl(container, BlobContainerSasPermissions.All, TimeSpan.FromHours(-1));
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 1, seed: 9);

        var run = await AgentProcess.RunAsync("capture", "--source", image, "--store", expired);

        Assert.AreEqual(5, run.ExitCode, run.ToString());
        Assert.Contains("SAS", run.StandardError);
    }
}
