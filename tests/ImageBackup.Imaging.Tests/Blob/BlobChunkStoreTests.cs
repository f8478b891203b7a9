using Azure.Storage.Sas;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Storage;
using ImageBackup.Imaging.Tests.Support;
using ImageBackup.Imaging.Verification;
using static ImageBackup.Imaging.Tests.Support.TestImage;

namespace ImageBackup.Imaging.Tests.Blob;

[TestClass]
public sealed class BlobChunkStoreTests
{
    [TestMethod]
    public async Task Round_trip_through_a_container_sas_url_is_byte_exact_and_a_second_capture_uploads_nothing()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var store = ChunkStoreFactory.Open(Azurite.SasUrl(container, BlobContainerSasPermissions.All));
        var image = Write(folder.File("disk.img"), Random(MiB, 1), Zeros(2 * MiB), Text(MiB + 5));

        var first = await Pipeline.CaptureAsync(store, image);
        var second = await Pipeline.CaptureAsync(store, image);
        await Pipeline.RestoreAsync(store, first.GenerationId, folder.File("restored.img"));

        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
        Assert.AreEqual(3L, first.Totals.NewChunks);
        Assert.AreEqual(0L, second.Totals.NewChunks);
        CollectionAssert.AreEqual(new[] { first.GenerationId, second.GenerationId }.Order().ToArray(), (await store.ListGenerationsAsync(CancellationToken.None)).ToArray());
    }

    [TestMethod]
    public async Task Capture_with_a_create_and_write_only_sas_works_and_re_uploading_existing_chunks_neither_fails_nor_overwrites()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var writeOnly = ChunkStoreFactory.Open(Azurite.SasUrl(container, BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write));
        var image = Write(folder.File("disk.img"), Random(MiB, 2), Text(MiB));
        var first = await Pipeline.CaptureAsync(writeOnly, image);
        var etagsBefore = await ChunkETagsAsync(container);

        var second = await Pipeline.CaptureAsync(writeOnly, image);

        Assert.AreEqual(2L, first.Totals.NewChunks);
        Assert.AreEqual(0L, second.Totals.NewChunks);
        CollectionAssert.AreEquivalent(etagsBefore, await ChunkETagsAsync(container));
        await Assert.ThrowsExactlyAsync<ChunkStoreAccessDeniedException>(() => writeOnly.GetManifestAsync(first.GenerationId, CancellationToken.None));
        var full = ChunkStoreFactory.Open(Azurite.SasUrl(container, BlobContainerSasPermissions.All));
        await Pipeline.RestoreAsync(full, second.GenerationId, folder.File("restored.img"));
        CollectionAssert.AreEqual(File.ReadAllBytes(image), File.ReadAllBytes(folder.File("restored.img")));
    }

    [TestMethod]
    public async Task The_request_tally_counts_one_put_per_new_chunk_and_one_for_the_manifest()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var requests = new HttpRequestTally();
        var store = ChunkStoreFactory.Open(Azurite.SasUrl(container, BlobContainerSasPermissions.All), requests: requests);
        var image = Write(folder.File("disk.img"), Random(MiB, 5), Zeros(MiB), Text(MiB));

        var manifest = await Pipeline.CaptureAsync(store, image);

        Assert.AreEqual(2L, manifest.Totals.NewChunks);
        Assert.AreEqual(manifest.Totals.NewChunks + 1, requests.Of("PUT"), requests.ToString());
        Assert.AreEqual(requests.Total, requests.Of("PUT") + requests.Of("HEAD") + requests.Of("GET"), requests.ToString());
        StringAssert.StartsWith(requests.ToString(), $"{requests.Total:N0} HTTP requests (");
    }

    [TestMethod]
    public async Task An_expired_sas_is_reported_as_access_denied()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var expired = ChunkStoreFactory.Open(Azurite.SasUrl(container, BlobContainerSasPermissions.All, TimeSpan.FromHours(-1)));
        var image = Write(folder.File("disk.img"), Random(MiB, 3));

        await Assert.ThrowsExactlyAsync<ChunkStoreAccessDeniedException>(() => Pipeline.CaptureAsync(expired, image));
    }

    [TestMethod]
    public async Task Verify_with_read_data_finds_a_chunk_blob_damaged_in_the_container()
    {
        using var folder = new TemporaryFolder();
        var container = await Azurite.NewContainerAsync();
        var store = ChunkStoreFactory.Open(Azurite.SasUrl(container, BlobContainerSasPermissions.All));
        var image = Write(folder.File("disk.img"), Zeros(MiB), Random(MiB, 4));
        var manifest = await Pipeline.CaptureAsync(store, image);
        var blob = container.GetBlobClient("chunks/" + manifest.Extents[1].ChunkId);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        bytes[^1] ^= 1;
        await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);

        var report = await new ImageVerifier(store).VerifyAsync(manifest.GenerationId, readData: true, parallelism: 2);

        Assert.HasCount(1, report.Problems);
        Assert.AreEqual((long)MiB, report.Problems[0].ImageOffset);
        await Assert.ThrowsExactlyAsync<DamagedChunkException>(() => Pipeline.RestoreAsync(store, manifest.GenerationId, folder.File("restored.img")));
    }

    private static async Task<List<string>> ChunkETagsAsync(Azure.Storage.Blobs.BlobContainerClient container)
    {
        var etags = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "chunks/" }))
        {
            etags.Add(item.Name + "@" + item.Properties.ETag);
        }
        return etags;
    }
}
