using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Paths;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Restore;

[TestClass]
public sealed class PathResolutionTests
{
    [TestMethod]
    public void A_path_names_its_volume_before_the_colon_even_when_the_volume_holds_a_slash()
    {
        // Arrange, Act
        var path = ImagePath.Parse("vg_root/lv_root:/var//www/./html");

        // Assert
        Assert.AreEqual("vg_root/lv_root", path.Volume);
        CollectionAssert.AreEqual(new[] { "var", "www", "html" }, path.Components.ToArray());
    }

    [TestMethod]
    [DataRow("/etc/hosts")]
    [DataRow("p1:etc/hosts")]
    [DataRow("p1:/etc/../../hosts")]
    public void Paths_without_a_volume_relative_or_with_dot_dot_are_refused(string text)
    {
        // Arrange, Act, Assert
        Assert.ThrowsExactly<ArgumentException>(() => ImagePath.Parse(text));
    }

    [TestMethod]
    public void A_symbolic_link_inside_a_path_is_not_followed()
    {
        // Arrange
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(disk).Find("vg_root/lv_root"));

        // Act
        var error = Assert.ThrowsExactly<VolumeNotFoundException>(() => PathResolver.Resolve(fileSystem, ["var", "www", "current", "index.html"]));
        var link = PathResolver.Resolve(fileSystem, ["var", "www", "current"]);

        // Assert
        StringAssert.Contains(error.Message, "symbolic link");
        Assert.AreEqual(FileEntryKind.Symlink, link.Kind);
    }

    [TestMethod]
    public void A_missing_name_or_volume_is_reported_with_what_exists()
    {
        // Arrange
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var volumes = VolumeDiscovery.Discover(disk);
        var fileSystem = FileSystemFactory.Open(volumes.Find("p1"));

        // Act
        var missingFile = Assert.ThrowsExactly<VolumeNotFoundException>(() => PathResolver.Resolve(fileSystem, ["grub", "menu.lst"]));
        var missingVolume = Assert.ThrowsExactly<VolumeNotFoundException>(() => volumes.Find("p9"));

        // Assert
        StringAssert.Contains(missingFile.Message, "/grub/menu.lst does not exist");
        StringAssert.Contains(missingVolume.Message, "vg_root/lv_root");
    }
}
