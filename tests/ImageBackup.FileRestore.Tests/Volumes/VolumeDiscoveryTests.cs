using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.FileRestore.Volumes.Lvm;

namespace ImageBackup.FileRestore.Tests.Volumes;

[TestClass]
public sealed class VolumeDiscoveryTests
{
    [TestMethod]
    public void A_rhel6_disk_lists_boot_partition_pv_and_logical_volumes_with_their_file_systems()
    {
        // Arrange
        using var disk = new FileSource(Fixtures.Rhel6.DiskPath);

        // Act
        var volumes = VolumeDiscovery.Discover(disk).Volumes;

        // Assert
        var summary = volumes.Select(v => $"{v.Name}|{v.Kind}|{v.FileSystem}|{v.Label}|{v.Size}").ToList();
        CollectionAssert.AreEqual(new[]
        {
            $"p1|Partition|ext4|boot|{16L << 20}",
            $"p2|Partition|LVM2_member||{48L << 20}",
            $"vg_root/lv_root|LogicalVolume|ext4|root|{32L << 20}",
            $"vg_root/lv_swap|LogicalVolume|swap||{8L << 20}",
        }, summary);
        Assert.IsNull(volumes[0].Refusal);
        Assert.IsNull(volumes[2].Refusal);
        StringAssert.Contains(volumes[3].Refusal, "swap");
    }

    [TestMethod]
    public void Files_of_the_rhel6_boot_partition_and_lvm_root_equal_what_debugfs_dumps_from_their_file_system_images()
    {
        // Arrange
        var fixture = Fixtures.Rhel6;
        using var bootDump = new TempDirectory();
        using var rootDump = new TempDirectory();
        TreeAssert.DebugfsDump(fixture.BootImage, bootDump.Path);
        TreeAssert.DebugfsDump(fixture.RootImage, rootDump.Path);
        using var disk = new FileSource(fixture.DiskPath);
        var volumes = VolumeDiscovery.Discover(disk);

        // Act
        var boot = FileSystemFactory.Open(volumes.Find("p1"));
        var root = FileSystemFactory.Open(volumes.Find("vg_root/lv_root"));

        // Assert
        Assert.AreEqual(2, TreeAssert.SameContent(boot, bootDump.Path));
        Assert.IsTrue(TreeAssert.SameContent(root, rootDump.Path) >= 9);
        TreeAssert.SameContent(root, fixture.RootSource, compareMetadata: true);
    }

    [TestMethod]
    public void Pvck_reads_the_lvm2_metadata_the_fixture_writer_put_on_the_pv()
    {
        // Arrange
        var fixture = Fixtures.Rhel6;
        using var work = new TempDirectory();
        var pv = work.Combine("pv.img");
        using (var disk = File.OpenRead(fixture.DiskPath))
        using (var copy = File.Create(pv))
        {
            disk.Position = Rhel6Disk.PvOffset;
            var buffer = new byte[48 << 20];
            disk.ReadExactly(buffer);
            copy.Write(buffer);
        }

        // Act
        var result = Tools.Run("pvck", null, "--dump", "metadata", pv);

        // Assert
        Assert.AreEqual(0, result.ExitCode, result.StandardError + result.StandardOutput);
        StringAssert.Contains(result.StandardOutput, "vg_root {");
        StringAssert.Contains(result.StandardOutput, "seqno = 3");
    }

    [TestMethod]
    public void Logical_partitions_of_an_extended_partition_are_named_from_p5()
    {
        // Arrange
        using var disk = new FileSource(Fixtures.Extended.DiskPath);

        // Act
        var volumes = VolumeDiscovery.Discover(disk).Volumes;

        // Assert
        CollectionAssert.AreEqual(new[] { "p1:ext2:first", "p5:ext4:fifth", "p6:ext3:sixth" }, volumes.Select(v => $"{v.Name}:{v.FileSystem}:{v.Label}").ToList());
        foreach (var volume in volumes)
        {
            TreeAssert.SameContent(FileSystemFactory.Open(volume), Fixtures.Extended.Source, compareMetadata: true);
        }
    }

    [TestMethod]
    public void A_striped_logical_volume_and_a_linear_one_spanning_two_gpt_partitions_read_like_their_file_system_images()
    {
        // Arrange
        var fixture = Fixtures.Striped;
        using var stripedDump = new TempDirectory();
        using var spanDump = new TempDirectory();
        TreeAssert.DebugfsDump(fixture.StripedImage, stripedDump.Path);
        TreeAssert.DebugfsDump(fixture.SpanImage, spanDump.Path);
        using var disk = new FileSource(fixture.DiskPath);
        var volumes = VolumeDiscovery.Discover(disk);

        // Act
        var striped = volumes.Find("vg_data/lv_striped");
        var span = volumes.Find("vg_data/lv_span");

        // Assert
        Assert.AreEqual("LVM striped", striped.Description);
        Assert.AreEqual("ext4", striped.FileSystem);
        Assert.AreEqual("LVM linear", span.Description);
        Assert.AreEqual(6L << 20, span.Size);
        Assert.IsTrue(TreeAssert.SameContent(FileSystemFactory.Open(striped), stripedDump.Path) >= 9);
        Assert.IsTrue(TreeAssert.SameContent(FileSystemFactory.Open(span), spanDump.Path) >= 9);
        Assert.AreEqual("pv-a", volumes.Find("p1").Label);
        Assert.AreEqual("GPT Linux LVM", volumes.Find("p2").Description);
    }

    [TestMethod]
    public void The_metadata_with_the_highest_seqno_wins_even_when_an_older_copy_wraps_around_its_metadata_area()
    {
        // Arrange
        using var disk = new FileSource(Fixtures.Striped.DiskPath);
        var pv1 = new SliceSource(disk, StripedGptDisk.Pv1Offset, 24L << 20);

        // Act
        var older = LvmPhysicalVolume.Read("p2", pv1);
        var volumes = VolumeDiscovery.Discover(disk);

        // Assert
        Assert.AreEqual(6L, older.Metadata!.Section("vg_data")!.Number("seqno"));
        Assert.IsNull(older.Metadata.Section("vg_data")!.Section("logical_volumes")!.Section("lv_span"));
        Assert.IsNotNull(volumes.Volumes.SingleOrDefault(v => v.Name == "vg_data/lv_span"), "seqno 7 from p1 lists lv_span");
    }

    [TestMethod]
    [DataRow("vg_data/pool0", "'thin-pool'")]
    [DataRow("vg_data/lv_thin", "'thin'")]
    [DataRow("vg_data/lv_mirror", "'raid1'")]
    [DataRow("vg_data/lv_cached", "'cache'")]
    [DataRow("vg_data/lv_origin", "origin of an LVM snapshot")]
    [DataRow("vg_data/snap", "LVM snapshot")]
    public void Unsupported_logical_volumes_are_listed_and_refused_with_what_was_found(string name, string expected)
    {
        // Arrange
        using var disk = new FileSource(Fixtures.Striped.DiskPath);
        var volume = VolumeDiscovery.Discover(disk).Find(name);

        // Act
        var refusal = Assert.ThrowsExactly<UnsupportedLayoutException>(() => FileSystemFactory.Open(volume));

        // Assert
        StringAssert.Contains(refusal.Message, expected);
        StringAssert.Contains(refusal.Message, name);
    }

    [TestMethod]
    public void A_damaged_primary_gpt_header_falls_back_to_the_backup_header()
    {
        // Arrange
        using var work = new TempDirectory();
        var copy = work.Combine("disk.img");
        File.Copy(Fixtures.Striped.DiskPath, copy);
        DiskBuilder.WriteAt(copy, 512 + 40, [0xFF, 0xFF]);
        using var disk = new FileSource(copy);

        // Act
        var discovered = VolumeDiscovery.Discover(disk);

        // Assert
        StringAssert.Contains(discovered.Notes.Single(), "backup header");
        Assert.AreEqual("ext4", discovered.Find("vg_data/lv_striped").FileSystem);
    }

    [TestMethod]
    public void A_gpt_whose_primary_and_backup_entry_arrays_are_damaged_is_reported_corrupt()
    {
        // Arrange
        using var work = new TempDirectory();
        var copy = work.Combine("disk.img");
        File.Copy(Fixtures.Striped.DiskPath, copy);
        var length = new FileInfo(copy).Length;
        DiskBuilder.WriteAt(copy, 1024, [0x42]);
        DiskBuilder.WriteAt(copy, length - (33 * 512), [0x42]);
        using var disk = new FileSource(copy);

        // Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => VolumeDiscovery.Discover(disk));

        // Assert
        StringAssert.Contains(error.Message, "entry array CRC mismatch");
    }
}
