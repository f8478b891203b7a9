using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

[TestClass]
public sealed class DiskUsedRangeReaderMatchesPartcloneTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Every_block_partclone_uses_on_an_mbr_disk_with_lvm2_and_ext4_is_captured_and_free_space_is_not() =>
        AssertCoversPartclone(UsedBlockCases.MbrLvmExt4());

    [TestMethod]
    public void Every_block_partclone_uses_on_a_gpt_disk_with_xfs_v5_and_a_striped_lv_is_captured_and_free_space_is_not() =>
        AssertCoversPartclone(UsedBlockCases.GptXfsStriped());

    [TestMethod]
    public void Every_block_partclone_uses_on_xfs_v4_is_captured_and_free_space_is_not() =>
        AssertCoversPartclone(UsedBlockCases.BareXfsV4());

    [TestMethod]
    public void Every_cluster_partclone_uses_on_ntfs_is_captured_and_free_space_is_not() =>
        AssertCoversPartclone(UsedBlockCases.BareNtfs());

    private void AssertCoversPartclone(UsedBlockCase fixture)
    {
        // Arrange
        using var disk = File.OpenRead(fixture.DiskPath);
        using var source = new FileSource(fixture.DiskPath);
        var volumes = VolumeDiscovery.Discover(source);
        var notes = new List<string>();

        // Act
        var used = new DiskUsedRangeReader(notes.Add).GetUsedRanges(disk);

        // Assert
        foreach (var volume in fixture.Volumes)
        {
            var oracle = PartcloneOracle.UsedRanges(volume.Flavour, volume.ImagePath).SelectMany(volume.ToDisk).ToList();
            var missing = UsedRangeAssert.FirstUncovered(oracle, used);
            Assert.IsNull(missing, $"{volume.Name}: partclone uses {missing} but it is not captured; notes: {string.Join(" | ", notes)}");
            var size = volumes.Find(volume.Name).Size;
            var ours = volume.ToDisk(new ByteRange(0, size)).Sum(window => UsedRangeAssert.BytesWithin(used, window));
            var theirs = oracle.Sum(r => r.Length);
            TestContext.WriteLine($"{volume.Name} ({volume.Flavour}, {size >> 20} MiB): ours {ours / 1048576.0:0.00} MiB used, partclone {theirs / 1048576.0:0.00} MiB");
            Assert.IsLessThan(size / 2, ours, $"{volume.Name}: {ours} of {size} bytes reported used on a mostly empty file system");
        }
        Assert.IsLessThan(new FileInfo(fixture.DiskPath).Length / 2, used.Sum(r => r.Length), "most of the disk is free space");
    }
}
