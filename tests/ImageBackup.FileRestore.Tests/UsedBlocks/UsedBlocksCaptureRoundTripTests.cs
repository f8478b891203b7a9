using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

[TestClass]
public sealed class UsedBlocksCaptureRoundTripTests
{
    [TestMethod]
    public Task An_mbr_disk_with_lvm2_and_ext4_captured_used_blocks_only_restores_to_clean_file_systems_with_the_same_files() =>
        AssertRoundTripAsync(UsedBlockCases.MbrLvmExt4());

    [TestMethod]
    public Task A_gpt_disk_with_xfs_v5_and_a_striped_lv_captured_used_blocks_only_restores_to_clean_file_systems_with_the_same_files() =>
        AssertRoundTripAsync(UsedBlockCases.GptXfsStriped());

    [TestMethod]
    public Task An_xfs_v4_file_system_captured_used_blocks_only_restores_clean_with_the_same_files() =>
        AssertRoundTripAsync(UsedBlockCases.BareXfsV4());

    [TestMethod]
    public Task An_ntfs_file_system_captured_used_blocks_only_restores_clean_with_the_same_files() =>
        AssertRoundTripAsync(UsedBlockCases.BareNtfs());

    private static async Task AssertRoundTripAsync(UsedBlockCase fixture)
    {
        // Arrange
        using var scratch = new TempDirectory("used-blocks-");
        var store = new LocalDirectoryChunkStore(scratch.Combine("store"), create: true);
        var restored = scratch.Combine("restored.img");
        var options = new CaptureOptions
        {
            Source = new SourceMetadata("web01", "test", fixture.DiskPath, DateTimeOffset.UtcNow, "tests", UsedBlocksOnly: true),
            Parallelism = 2,
            ChunkSize = Generations.ChunkSize,
            UsedRanges = new DiskUsedRangeReader(),
        };

        // Act
        ImageManifest manifest;
        await using (var disk = File.OpenRead(fixture.DiskPath))
        {
            manifest = await new ImageCapturer(store).CaptureAsync(disk, options);
        }
        await new ImageRestorer(store).RestoreAsync(manifest.GenerationId, restored, new RestoreOptions { Parallelism = 2 });

        // Assert
        Assert.IsGreaterThan(manifest.ImageSize / 2, manifest.Totals.ZeroBytes, "free space is captured as zeros");
        using var original = new FileSource(fixture.DiskPath);
        using var copy = new FileSource(restored);
        var originalVolumes = VolumeDiscovery.Discover(original);
        var restoredVolumes = VolumeDiscovery.Discover(copy);
        foreach (var volume in fixture.Volumes)
        {
            var expected = FileTreeSnapshot.Of(FileSystemFactory.Open(originalVolumes.Find(volume.Name)));
            var actual = FileTreeSnapshot.Of(FileSystemFactory.Open(restoredVolumes.Find(volume.Name)));
            CollectionAssert.AreEqual(expected, actual, $"{volume.Name}: files differ after the round trip");
            var image = scratch.Combine(volume.Name.Replace('/', '-') + ".img");
            VolumeImage.Write(restoredVolumes.Find(volume.Name).Source, image);
            FileSystemCheck.AssertClean(volume.Flavour, image);
        }
    }
}
