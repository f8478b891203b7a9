using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Volumes;

[TestClass]
public sealed class Rhel7ShapeTests
{
    [TestMethod]
    public void A_gpt_disk_with_xfs_boot_and_an_xfs_root_striped_over_two_pvs_reads_like_the_xfs_image_itself()
    {
        // Arrange
        var fixture = Fixtures.Rhel7;
        using var disk = new FileSource(fixture.DiskPath);
        using var image = new FileSource(fixture.XfsImage);
        var expected = FileTreeSnapshot.Of(FileSystemFactory.Open("xfs", image));

        // Act
        var volumes = VolumeDiscovery.Discover(disk);
        var boot = FileSystemFactory.Open(volumes.Find("p1"));
        var root = FileSystemFactory.Open(volumes.Find("rhel/root"));

        // Assert
        Assert.AreEqual("xfs", volumes.Find("p1").FileSystem);
        Assert.AreEqual(ImageBackup.FileRestore.Tests.Xfs.XfsFixture.Label, volumes.Find("p1").Label);
        Assert.AreEqual("LVM striped", volumes.Find("rhel/root").Description);
        Assert.AreEqual("xfs", volumes.Find("rhel/root").FileSystem);
        CollectionAssert.AreEqual(expected, FileTreeSnapshot.Of(boot));
        CollectionAssert.AreEqual(expected, FileTreeSnapshot.Of(root));
        Assert.IsTrue(expected.Count > 20, $"{expected.Count} entries compared");
    }
}
