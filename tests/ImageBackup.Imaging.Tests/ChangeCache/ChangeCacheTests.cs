using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using ImageBackup.Imaging.Storage;
using ImageBackup.Imaging.Tests.Support;
using static ImageBackup.Imaging.Tests.Support.TestImage;

namespace ImageBackup.Imaging.Tests.ChangeCache;

[TestClass]
public sealed class ChangeCacheTests
{
    [TestMethod]
    public async Task An_incremental_with_the_change_cache_stores_only_the_changed_block_and_restores_byte_exact()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Text(MiB), Zeros(MiB), Random(MiB / 2, 2));
        var options = Pipeline.Options(image) with { CacheDirectory = folder.File("cache") };
        await Pipeline.CaptureAsync(store, image, options);
        Write(image, Random(MiB, 1), Random(MiB, 3), Zeros(MiB), Random(MiB / 2, 2));

        var incremental = await Pipeline.CaptureAsync(store, image, options);
        await Pipeline.RestoreAsync(store, incremental.GenerationId, folder.File("restored.img"));

        Assert.AreEqual(1L, incremental.Totals.NewChunks);
        Assert.AreEqual(3L, incremental.Totals.DataChunks);
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task The_same_capture_with_and_without_the_change_cache_gives_the_same_extents()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var image = Write(folder.File("disk.img"), Text(MiB), Random(MiB, 4), Zeros(2 * MiB), Text(MiB / 3));
        var cached = Pipeline.Options(image) with { CacheDirectory = folder.File("cache") };
        await Pipeline.CaptureAsync(store, image, cached);

        var withCache = await Pipeline.CaptureAsync(store, image, cached);
        var withoutCache = await Pipeline.CaptureAsync(store, image);

        CollectionAssert.AreEqual(withoutCache.Extents.ToArray(), withCache.Extents.ToArray());
        Assert.AreEqual(0L, withCache.Totals.NewChunks);
    }

    [TestMethod]
    public async Task The_cache_is_not_trusted_once_its_generation_and_chunks_are_gone_from_the_store()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var image = Write(folder.File("disk.img"), Random(MiB, 5), Text(MiB));
        var options = Pipeline.Options(image) with { CacheDirectory = folder.File("cache") };
        var first = await Pipeline.CaptureAsync(store, image, options);
        await store.DeleteManifestAsync(first.GenerationId, CancellationToken.None);
        foreach (var chunk in Stores.ChunkFiles(folder.File("store")))
        {
            File.Delete(chunk);
        }

        var second = await Pipeline.CaptureAsync(store, image, options);
        await Pipeline.RestoreAsync(store, second.GenerationId, folder.File("restored.img"));

        Assert.AreEqual(2L, second.Totals.NewChunks);
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task A_capture_with_another_chunk_size_ignores_the_cache()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var image = Write(folder.File("disk.img"), Random(MiB, 6), Text(MiB));
        var options = Pipeline.Options(image) with { CacheDirectory = folder.File("cache") };
        await Pipeline.CaptureAsync(store, image, options);

        var halves = await Pipeline.CaptureAsync(store, image, options with { ChunkSize = MiB / 2 });
        await Pipeline.RestoreAsync(store, halves.GenerationId, folder.File("restored.img"));

        Assert.AreEqual(4L, halves.Totals.NewChunks);
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task A_blob_incremental_with_the_change_cache_asks_the_store_only_about_changed_blocks()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var requests = new RequestCounter();
        var clientOptions = ChunkStoreFactory.BlobClientOptionsForChunks();
        clientOptions.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var store = new BlobChunkStore(new BlobContainerClient(new Uri(Azurite.SasUrl(container, BlobContainerSasPermissions.All)), clientOptions));
        var image = Write(folder.File("disk.img"), Random(MiB, 7), Text(MiB), Random(MiB, 8), Zeros(MiB), Text(MiB / 2));
        var options = Pipeline.Options(image) with { CacheDirectory = folder.File("cache") };
        await Pipeline.CaptureAsync(store, image, options);
        Write(image, Random(MiB, 7), Text(MiB), Random(MiB, 9), Zeros(MiB), Text(MiB / 2));
        requests.Clear();

        var incremental = await Pipeline.CaptureAsync(store, image, options);
        await Pipeline.RestoreAsync(store, incremental.GenerationId, folder.File("restored.img"));

        Assert.AreEqual(1, requests.Count("HEAD", "/chunks/"));
        Assert.AreEqual(1, requests.Count("PUT", "/chunks/"));
        Assert.AreEqual(1L, incremental.Totals.NewChunks);
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }
}
