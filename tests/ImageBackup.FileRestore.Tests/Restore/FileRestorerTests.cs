using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Paths;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Restore;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Restore;

[TestClass]
public sealed class FileRestorerTests
{
    [TestMethod]
    public void Restoring_a_directory_writes_its_files_links_mtimes_and_modes_under_the_target()
    {
        // Arrange
        using var work = new TempDirectory();
        var target = Directory.CreateDirectory(work.Combine("target")).FullName;
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(disk).Find("vg_root/lv_root"));
        var www = PathResolver.Resolve(fileSystem, ["var", "www"]);

        // Act
        var report = new FileRestorer().Restore(fileSystem, www, target);

        // Assert
        var restored = Path.Combine(target, "www");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(Fixtures.Rhel6.RootSource, "var", "www", "odd.bin")), File.ReadAllBytes(Path.Combine(restored, "odd.bin")));
        Assert.AreEqual("html", new FileInfo(Path.Combine(restored, "current")).LinkTarget);
        Assert.AreEqual(new DateTime(2020, 2, 29, 12, 0, 0, DateTimeKind.Utc), Directory.GetLastWriteTimeUtc(Path.Combine(restored, "html")));
        Assert.AreEqual(4, report.Files);
        Assert.AreEqual(2, report.Symlinks);
        Assert.AreEqual(2, report.Directories);
    }

    [TestMethod]
    public void Restoring_a_single_file_keeps_its_mtime_and_its_restrictive_mode()
    {
        // Arrange
        using var work = new TempDirectory();
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(disk).Find("vg_root/lv_root"));
        var restorer = new FileRestorer();

        // Act
        restorer.Restore(fileSystem, PathResolver.Resolve(fileSystem, ["etc", "hosts"]), work.Path);
        restorer.Restore(fileSystem, PathResolver.Resolve(fileSystem, ["etc", "shadow"]), work.Path);

        // Assert
        Assert.AreEqual("127.0.0.1 localhost\n10.0.0.5 web01\n", File.ReadAllText(work.Combine("hosts")));
        Assert.AreEqual(new DateTime(2019, 7, 1, 8, 30, 15, DateTimeKind.Utc), File.GetLastWriteTimeUtc(work.Combine("hosts")));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(work.Combine("shadow")));
    }

    [TestMethod]
    public void An_existing_file_is_not_replaced_without_overwrite_and_is_replaced_with_it()
    {
        // Arrange
        using var work = new TempDirectory();
        File.WriteAllText(work.Combine("hosts"), "mine");
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(disk).Find("vg_root/lv_root"));
        var hosts = PathResolver.Resolve(fileSystem, ["etc", "hosts"]);

        // Act
        Assert.ThrowsExactly<TargetExistsException>(() => new FileRestorer().Restore(fileSystem, hosts, work.Path));
        var kept = File.ReadAllText(work.Combine("hosts"));
        new FileRestorer(new FileRestoreOptions { Overwrite = true }).Restore(fileSystem, hosts, work.Path);

        // Assert
        Assert.AreEqual("mine", kept);
        StringAssert.StartsWith(File.ReadAllText(work.Combine("hosts")), "127.0.0.1");
    }

    [TestMethod]
    public void A_link_already_in_the_target_is_replaced_never_written_through()
    {
        // Arrange
        using var work = new TempDirectory();
        var target = Directory.CreateDirectory(work.Combine("target")).FullName;
        var outside = work.Combine("outside.txt");
        File.WriteAllText(outside, "must stay");
        File.CreateSymbolicLink(Path.Combine(target, "hosts"), outside);
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(disk).Find("vg_root/lv_root"));
        var hosts = PathResolver.Resolve(fileSystem, ["etc", "hosts"]);

        // Act
        Assert.ThrowsExactly<TargetExistsException>(() => new FileRestorer().Restore(fileSystem, hosts, target));
        new FileRestorer(new FileRestoreOptions { Overwrite = true }).Restore(fileSystem, hosts, target);

        // Assert
        Assert.AreEqual("must stay", File.ReadAllText(outside));
        Assert.IsNull(new FileInfo(Path.Combine(target, "hosts")).LinkTarget);
        StringAssert.StartsWith(File.ReadAllText(Path.Combine(target, "hosts")), "127.0.0.1");
    }

    [TestMethod]
    public void Links_pointing_out_of_the_target_are_recreated_as_links_and_a_second_restore_does_not_follow_them()
    {
        // Arrange
        using var work = new TempDirectory();
        var target = Directory.CreateDirectory(work.Combine("a", "b", "target")).FullName;
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);
        var fileSystem = FileSystemFactory.Open(VolumeDiscovery.Discover(disk).Find("vg_root/lv_root"));
        var before = Directory.EnumerateFileSystemEntries(work.Path, "*", SearchOption.AllDirectories).Count(p => !p.StartsWith(target, StringComparison.Ordinal));

        // Act
        new FileRestorer().Restore(fileSystem, fileSystem.Root, target);
        new FileRestorer(new FileRestoreOptions { Overwrite = true }).Restore(fileSystem, fileSystem.Root, target);

        // Assert
        Assert.AreEqual("../../../../etc/passwd", new FileInfo(Path.Combine(target, "root", "escape")).LinkTarget);
        Assert.AreEqual("/usr/share/zoneinfo/Asia/Tokyo", new FileInfo(Path.Combine(target, "root", "etc", "localtime")).LinkTarget);
        var after = Directory.EnumerateFileSystemEntries(work.Path, "*", SearchOption.AllDirectories).Count(p => !p.StartsWith(target, StringComparison.Ordinal));
        Assert.AreEqual(before, after, "nothing was created outside the target");
    }

    [TestMethod]
    public void A_name_in_the_image_that_climbs_out_of_its_directory_is_refused_and_nothing_is_written_outside()
    {
        // Arrange
        using var work = new TempDirectory();
        var target = Directory.CreateDirectory(work.Combine("t1", "t2", "target")).FullName;
        var image = File.ReadAllBytes(Fixtures.Ext3.DiskPath);
        var entry = image.AsSpan().IndexOf("\u0005\u0001hosts"u8);
        Assert.IsTrue(entry > 0, "directory entry of /etc/hosts found");
        "../.."u8.CopyTo(image.AsSpan(entry + 2));
        var fileSystem = FileSystemFactory.Open("ext3", new MemorySource(image));
        var etc = PathResolver.Resolve(fileSystem, ["etc"]);

        // Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => new FileRestorer().Restore(fileSystem, etc, target));

        // Assert
        StringAssert.Contains(error.Message, "unsafe file name");
        Assert.AreEqual(0, Directory.EnumerateFiles(work.Path, "hosts", SearchOption.AllDirectories).Count());
        CollectionAssert.AreEqual(new[] { "target" }, Directory.EnumerateFileSystemEntries(work.Combine("t1", "t2")).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    [DataRow("..")]
    [DataRow(".")]
    [DataRow("")]
    [DataRow("a/b")]
    [DataRow("/etc")]
    [DataRow("nul\0byte")]
    public void Unsafe_names_are_refused(string name)
    {
        // Arrange, Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => SafeName.Check(name));

        // Assert
        StringAssert.Contains(error.Message, "unsafe file name");
    }
}
