using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Tests.Support;
using static ImageBackup.Imaging.Tests.Support.TestImage;

namespace ImageBackup.Imaging.Tests.Manifests;

[TestClass]
public sealed class ManifestTests
{
    [TestMethod]
    public async Task A_committed_manifest_reads_back_equal_with_version_source_and_totals()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Zeros(2 * MiB));
        var store = Stores.Local(folder);
        var captured = await Pipeline.CaptureAsync(store, image);

        var read = await ManifestReader.ReadAsync(store, captured.GenerationId, CancellationToken.None);

        Assert.AreEqual(1, read.FormatVersion);
        Assert.AreEqual(captured.Source, read.Source);
        Assert.AreEqual(captured.Totals, read.Totals);
        CollectionAssert.AreEqual(captured.Extents.ToArray(), read.Extents.ToArray());
    }

    [TestMethod]
    public void Generation_ids_sort_by_capture_time()
    {
        var earlier = GenerationId.New(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var later = GenerationId.New(new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero));

        Assert.IsTrue(GenerationId.IsValid(earlier));
        Assert.StartsWith("20260102T030405Z-", earlier);
        Assert.IsLessThan(0, string.CompareOrdinal(earlier, later));
    }

    [TestMethod]
    public async Task A_malformed_generation_id_is_refused_before_touching_the_store()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);

        await Assert.ThrowsExactlyAsync<GenerationNotFoundException>(() => ManifestReader.ReadAsync(store, "../../etc/passwd", CancellationToken.None));
    }

    [TestMethod]
    public void A_manifest_whose_extents_leave_a_gap_is_rejected()
    {
        var json = """{"formatVersion":1,"generationId":"20260101T000000Z-00000000","imageSize":10,"chunkSize":1048576,"extents":[{"offset":0,"length":4},{"offset":5,"length":5}],"source":{"hostName":"h","operatingSystem":"o","sourcePath":"p","capturedAt":"2026-01-01T00:00:00Z","toolVersion":"t"},"totals":{"bytesRead":10,"dataChunks":0,"newChunks":0,"newBytesStored":0,"zeroBytes":10}}"""u8.ToArray();

        Assert.ThrowsExactly<InvalidDataException>(() => ManifestSerializer.Parse(json));
    }

    [TestMethod]
    public async Task The_streamed_manifest_in_the_store_is_byte_for_byte_what_the_serializer_writes_for_the_returned_manifest()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Zeros(MiB), Random(MiB, 2), Zeros(2 * MiB), Text(MiB), Zeros(MiB / 2 + 9));
        var store = Stores.Local(folder);
        var captured = await Pipeline.CaptureAsync(store, image, Pipeline.Options(image) with { Source = Pipeline.Options(image).Source with { PartitionLayout = "gpt: 1 partition +ü" } });

        var stored = File.ReadAllBytes(store.ManifestPath(captured.GenerationId));
        var read = await ManifestReader.ReadAsync(store, captured.GenerationId, CancellationToken.None);

        CollectionAssert.AreEqual(ManifestSerializer.ToUtf8Json(captured), stored);
        CollectionAssert.AreEqual(captured.Extents.ToArray(), read.Extents.ToArray());
        Assert.HasCount(5, read.Extents);
        Assert.AreEqual(read.Extents[3], captured.Extents[3]);
    }
}
