using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Volumes;

[TestClass]
public sealed class LayoutRefusalTests
{
    [TestMethod]
    public void An_mbr_dynamic_disk_is_refused_as_ldm()
    {
        // Arrange
        using var work = new TempDirectory();
        var disk = work.Combine("disk.img");
        DiskBuilder.CreatePartitioned(disk, 8L << 20, "label: dos\nstart=2048, size=8192, type=42\n");
        using var source = new FileSource(disk);

        // Act
        var error = Assert.ThrowsExactly<UnsupportedLayoutException>(() => VolumeDiscovery.Discover(source));

        // Assert
        StringAssert.Contains(error.Message, "0x42");
        StringAssert.Contains(error.Message, "LDM");
    }

    [TestMethod]
    public void A_gpt_dynamic_disk_is_refused_as_ldm()
    {
        // Arrange
        using var work = new TempDirectory();
        var disk = work.Combine("disk.img");
        DiskBuilder.CreatePartitioned(disk, 8L << 20, "label: gpt\nstart=2048, size=2048, type=5808C8AA-7E8F-42E0-85D2-E1E90434CFB3\nstart=4096, size=4096, type=AF9B60A0-1431-4F62-BC68-3311714A69AD\n");
        using var source = new FileSource(disk);

        // Act
        var error = Assert.ThrowsExactly<UnsupportedLayoutException>(() => VolumeDiscovery.Discover(source));

        // Assert
        StringAssert.Contains(error.Message, "LDM");
    }

    [TestMethod]
    public void Storage_spaces_and_refs_volumes_are_listed_and_refused_by_name()
    {
        // Arrange
        using var work = new TempDirectory();
        var disk = work.Combine("disk.img");
        DiskBuilder.CreatePartitioned(disk, 16L << 20, "label: gpt\nstart=2048, size=4096, type=E75CAF8F-F680-4CEE-AFA3-B001E56EFC2D\nstart=8192, size=8192, type=EBD0A0A2-B9E5-4433-87C0-68B6B72699C7\n");
        DiskBuilder.WriteAt(disk, (8192 * 512) + 3, "ReFS\0\0\0\0"u8);
        using var source = new FileSource(disk);
        var volumes = VolumeDiscovery.Discover(source);

        // Act
        var spaces = Assert.ThrowsExactly<UnsupportedLayoutException>(() => FileSystemFactory.Open(volumes.Find("p1")));
        var refs = Assert.ThrowsExactly<UnsupportedLayoutException>(() => FileSystemFactory.Open(volumes.Find("p2")));

        // Assert
        StringAssert.Contains(spaces.Message, "Storage Spaces");
        StringAssert.Contains(refs.Message, "ReFS");
        Assert.AreEqual("refs", volumes.Find("p2").FileSystem);
    }

    [TestMethod]
    [DataRow("-t ext4 -O inline_data", "inline_data")]
    [DataRow("-t ext4 -O encrypt", "encrypt")]
    [DataRow("-t ext4 -O casefold", "casefold")]
    [DataRow("-t ext4 -O bigalloc -C 16384", "bigalloc")]
    public void Ext_features_the_reader_does_not_handle_are_refused_by_name(string options, string feature)
    {
        // Arrange
        using var work = new TempDirectory();
        var files = Directory.CreateDirectory(work.Combine("src")).FullName;
        File.WriteAllText(Path.Combine(files, "a.txt"), "a");
        var image = DiskBuilder.BuildExt(work.Combine("fs.img"), files, options, 16L << 20);
        using var source = new FileSource(image);
        var volume = VolumeDiscovery.Discover(source).Find("disk");

        // Act
        var error = Assert.ThrowsExactly<UnsupportedLayoutException>(() => FileSystemFactory.Open(volume));

        // Assert
        StringAssert.Contains(error.Message, $"'{feature}'");
    }

    [TestMethod]
    public void A_dirty_ext4_journal_is_reported_as_a_warning_and_files_still_read()
    {
        // Arrange
        using var work = new TempDirectory();
        var files = Directory.CreateDirectory(work.Combine("src")).FullName;
        File.WriteAllText(Path.Combine(files, "a.txt"), "still readable");
        var image = DiskBuilder.BuildExt(work.Combine("fs.img"), files, "-t ext4", 16L << 20);
        Tools.RunSuccessfully("debugfs", "-w", "-R", "feature needs_recovery", image);
        using var source = new FileSource(image);

        // Act
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(source).Find("disk"));

        // Assert
        StringAssert.Contains(fileSystem.Warnings.Single(), "dirty journal");
        using var reader = new StreamReader(fileSystem.OpenRead(fileSystem.List(fileSystem.Root).Single(e => e.Name == "a.txt")));
        Assert.AreEqual("still readable", reader.ReadToEnd());
    }

    [TestMethod]
    public void A_disk_with_nothing_recognisable_is_refused()
    {
        // Arrange
        using var work = new TempDirectory();
        var disk = work.Combine("disk.img");
        File.WriteAllBytes(disk, new byte[1 << 20]);
        using var source = new FileSource(disk);

        // Act
        var error = Assert.ThrowsExactly<UnsupportedLayoutException>(() => VolumeDiscovery.Discover(source));

        // Assert
        StringAssert.Contains(error.Message, "no partition table");
    }
}
