using ImageBackup.Imaging.Tests.Support;
using static ImageBackup.Imaging.Tests.Support.TestImage;

namespace ImageBackup.Imaging.Tests.RoundTrip;

[TestClass]
public sealed class LocalRoundTripTests
{
    [TestMethod]
    public async Task Round_trip_of_an_image_with_zeros_random_data_and_a_partial_last_chunk_is_byte_exact()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Zeros(3 * MiB), Text(2 * MiB), Random(MiB / 2 + 17, 2));
        var store = Stores.Local(folder);

        var manifest = await Pipeline.CaptureAsync(store, image);
        await Pipeline.RestoreAsync(store, manifest.GenerationId, folder.File("restored.img"));

        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
        Assert.AreEqual(new FileInfo(image).Length, manifest.ImageSize);
        Assert.AreEqual(3L * MiB, manifest.Totals.ZeroBytes);
    }

    [TestMethod]
    public async Task Round_trip_of_a_zero_byte_image_gives_an_empty_file()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("empty.img"));
        var store = Stores.Local(folder);

        var manifest = await Pipeline.CaptureAsync(store, image);
        await Pipeline.RestoreAsync(store, manifest.GenerationId, folder.File("restored.img"));

        Assert.AreEqual(0L, new FileInfo(folder.File("restored.img")).Length);
        Assert.IsEmpty(manifest.Extents);
    }

    [TestMethod]
    public async Task Zero_runs_are_stored_as_one_zero_extent_and_no_chunk()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("zeros.img"), Zeros(5 * MiB + 3));
        var store = Stores.Local(folder);

        var manifest = await Pipeline.CaptureAsync(store, image);
        await Pipeline.RestoreAsync(store, manifest.GenerationId, folder.File("restored.img"));

        Assert.HasCount(1, manifest.Extents);
        Assert.IsTrue(manifest.Extents[0].IsZero);
        Assert.IsEmpty(Stores.ChunkFiles(folder.File("store")));
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task Second_capture_of_the_same_image_stores_no_new_chunks()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(2 * MiB, 3), Text(MiB), Zeros(MiB));
        var store = Stores.Local(folder);
        var first = await Pipeline.CaptureAsync(store, image);
        var chunksAfterFirst = Stores.ChunkFiles(folder.File("store")).Length;

        var second = await Pipeline.CaptureAsync(store, image);

        Assert.AreEqual(0L, second.Totals.NewChunks);
        Assert.AreEqual(0L, second.Totals.NewBytesStored);
        Assert.AreEqual(chunksAfterFirst, Stores.ChunkFiles(folder.File("store")).Length);
        Assert.AreNotEqual(first.GenerationId, second.GenerationId);
    }

    [TestMethod]
    public async Task Repeated_content_inside_one_image_is_stored_once()
    {
        using var folder = new TemporaryFolder();
        var block = Random(MiB, 4);
        var image = Write(folder.File("disk.img"), block, block, block);
        var store = Stores.Local(folder);

        var manifest = await Pipeline.CaptureAsync(store, image);

        Assert.AreEqual(3L, manifest.Totals.DataChunks);
        Assert.AreEqual(1L, manifest.Totals.NewChunks);
        Assert.HasCount(1, Stores.ChunkFiles(folder.File("store")));
    }

    [TestMethod]
    public async Task Incompressible_chunks_are_stored_raw_and_compressible_chunks_shrink()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 5), Text(MiB));
        var store = Stores.Local(folder);

        var manifest = await Pipeline.CaptureAsync(store, image);

        var sizes = manifest.Extents.Select(e => new FileInfo(store.ChunkPath(e.ChunkId!)).Length).ToArray();
        Assert.AreEqual(MiB + 16L, sizes[0]);
        Assert.IsLessThan(MiB / 10L, sizes[1]);
    }

    [TestMethod]
    public async Task Restore_over_an_existing_file_replaces_it_exactly()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Zeros(MiB), Random(MiB, 6));
        Write(folder.File("restored.img"), Random(4 * MiB, 7));
        var store = Stores.Local(folder);

        var manifest = await Pipeline.CaptureAsync(store, image);
        await Pipeline.RestoreAsync(store, manifest.GenerationId, folder.File("restored.img"));

        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task A_sequential_stream_and_a_file_of_the_same_image_give_the_same_extents()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB, 8), Zeros(2 * MiB), Text(MiB / 3));
        var store = Stores.Local(folder);
        var fromFile = await Pipeline.CaptureAsync(store, image);

        await using var pipe = new MemoryStream(File.ReadAllBytes(image));
        var fromPipe = await new ImageBackup.Imaging.Capture.ImageCapturer(store).CaptureAsync(pipe, Pipeline.Options("-"));

        CollectionAssert.AreEqual(fromFile.Extents.ToArray(), fromPipe.Extents.ToArray());
        Assert.AreEqual(0L, fromPipe.Totals.NewChunks);
    }

    [TestMethod]
    public async Task Round_trip_with_the_default_chunk_size_is_byte_exact()
    {
        using var folder = new TemporaryFolder();
        var image = Write(folder.File("disk.img"), Random(MiB + 3, 9), Zeros(MiB), Text(MiB / 2));
        var store = Stores.Local(folder);
        var options = Pipeline.Options(image) with { ChunkSize = ImageBackup.Imaging.Format.ImageFormat.DefaultChunkSize };

        var manifest = await Pipeline.CaptureAsync(store, image, options);
        await Pipeline.RestoreAsync(store, manifest.GenerationId, folder.File("restored.img"));

        Assert.AreEqual(ImageBackup.Imaging.Format.ImageFormat.DefaultChunkSize, manifest.ChunkSize);
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }
}
