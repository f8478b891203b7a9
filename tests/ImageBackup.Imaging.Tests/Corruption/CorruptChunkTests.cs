using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Tests.Support;
using ImageBackup.Imaging.Verification;
using static ImageBackup.Imaging.Tests.Support.TestImage;

namespace ImageBackup.Imaging.Tests.Corruption;

[TestClass]
public sealed class CorruptChunkTests
{
    [TestMethod]
    public async Task Verify_with_read_data_reports_a_corrupted_chunk_with_generation_and_offset()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Zeros(MiB), Random(MiB, 2));
        var store = Stores.Local(folder);
        var manifest = await Pipeline.CaptureAsync(store, image);
        FlipOneByte(store.ChunkPath(manifest.Extents[^1].ChunkId!));

        var report = await new ImageVerifier(store).VerifyAsync(manifest.GenerationId, readData: true, parallelism: 2);

        Assert.HasCount(1, report.Problems);
        Assert.AreEqual(manifest.GenerationId, report.Problems[0].GenerationId);
        Assert.AreEqual(2L * MiB, report.Problems[0].ImageOffset);
    }

    [TestMethod]
    public async Task Verify_without_read_data_reports_a_missing_chunk()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Random(MiB, 2));
        var store = Stores.Local(folder);
        var manifest = await Pipeline.CaptureAsync(store, image);
        File.Delete(store.ChunkPath(manifest.Extents[0].ChunkId!));

        var report = await new ImageVerifier(store).VerifyAsync(manifest.GenerationId, readData: false, parallelism: 2);

        Assert.HasCount(1, report.Problems);
        Assert.AreEqual(0L, report.Problems[0].ImageOffset);
    }

    [TestMethod]
    public async Task Restore_with_a_corrupted_chunk_fails_with_its_offset_and_leaves_no_target()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Random(MiB, 2), Text(MiB));
        var store = Stores.Local(folder);
        var manifest = await Pipeline.CaptureAsync(store, image);
        FlipOneByte(store.ChunkPath(manifest.Extents[1].ChunkId!));
        var target = folder.File("restored.img");

        var failure = await Assert.ThrowsExactlyAsync<DamagedChunkException>(() => Pipeline.RestoreAsync(store, manifest.GenerationId, target));

        Assert.AreEqual((long)MiB, failure.ImageOffset);
        Assert.AreEqual(manifest.GenerationId, failure.GenerationId);
        Assert.IsFalse(File.Exists(target));
        Assert.IsFalse(File.Exists(target + ImageRestorer.PartialSuffix));
    }

    [TestMethod]
    public async Task A_failed_restore_leaves_an_existing_target_file_untouched()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 1));
        var store = Stores.Local(folder);
        var manifest = await Pipeline.CaptureAsync(store, image);
        FlipOneByte(store.ChunkPath(manifest.Extents[0].ChunkId!));
        var previous = Write(folder.File("restored.img"), Text(MiB));

        await Assert.ThrowsExactlyAsync<DamagedChunkException>(() => Pipeline.RestoreAsync(store, manifest.GenerationId, previous));

        CollectionAssert.AreEqual(Text(MiB), File.ReadAllBytes(previous));
    }

    private static void FlipOneByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^100] ^= 0x55;
        File.WriteAllBytes(path, bytes);
    }
}
