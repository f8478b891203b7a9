using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;
using ImageBackup.Storage.Blobs;
using ImageBackup.Testing;

namespace ImageBackup.Storage.Tests;

[TestClass]
public sealed class BlobBackupStorageTests
{
    private static readonly BlobServiceClient Blobs = new(TestStorage.ConnectionString);

    [TestMethod]
    public async Task A_generation_written_through_the_capture_sas_is_whole_and_one_missing_chunk_makes_it_not_whole()
    {
        // Arrange
        var storage = new BlobBackupStorage(Blobs);
        var contractId = NewContractId();
        var manifest = await CaptureThroughSasAsync(storage, contractId, seed: 1);
        var container = Blobs.GetBlobContainerClient(BlobBackupStorage.ContainerName(contractId));

        // Act
        var whole = await storage.InspectAsync(contractId, manifest.GenerationId, CancellationToken.None);
        var firstChunk = manifest.Extents.First(e => e.ChunkId is not null).ChunkId!;
        await container.GetBlobClient("chunks/" + firstChunk).DeleteAsync();
        var broken = await storage.InspectAsync(contractId, manifest.GenerationId, CancellationToken.None);
        var absent = await storage.InspectAsync(contractId, "20270101T000000Z-00000000", CancellationToken.None);

        // Assert
        Assert.IsNotNull(whole);
        Assert.IsTrue(whole.IsWhole, whole.Problem);
        Assert.AreEqual(manifest.ImageSize, whole.ImageSize);
        Assert.IsNotNull(broken);
        Assert.IsFalse(broken.IsWhole);
        StringAssert.Contains(broken.Problem, "1 of");
        StringAssert.Contains(broken.Problem, firstChunk);
        Assert.IsNull(absent);
    }

    [TestMethod]
    public async Task The_capture_sas_cannot_read_or_delete_and_expires_when_asked()
    {
        // Arrange
        var storage = new BlobBackupStorage(Blobs);
        var contractId = NewContractId();
        var manifest = await CaptureThroughSasAsync(storage, contractId, seed: 2);
        var sas = await storage.IssueCaptureSasAsync(contractId, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
        var expired = await storage.IssueCaptureSasAsync(contractId, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        var blob = new BlobContainerClient(sas).GetBlobClient($"generations/{manifest.GenerationId}.json");

        // Act
        var read = await Assert.ThrowsExactlyAsync<RequestFailedException>(() => blob.DownloadContentAsync());
        var delete = await Assert.ThrowsExactlyAsync<RequestFailedException>(() => blob.DeleteAsync());
        var late = await Assert.ThrowsExactlyAsync<RequestFailedException>(
            () => new BlobContainerClient(expired).GetBlobClient("chunks/late").UploadAsync(BinaryData.FromString("x")));

        // Assert
        Assert.AreEqual(403, read.Status);
        Assert.AreEqual(403, delete.Status);
        Assert.AreEqual(403, late.Status);
    }

    [TestMethod]
    public async Task Garbage_collection_never_deletes_chunks_younger_than_the_grace_even_when_no_manifest_references_them()
    {
        // Arrange: two generations, then the older manifest deleted as retention would.
        var storage = new BlobBackupStorage(Blobs);
        var contractId = NewContractId();
        var older = await CaptureThroughSasAsync(storage, contractId, seed: 3);
        var newer = await CaptureThroughSasAsync(storage, contractId, seed: 4);
        await storage.DeleteGenerationAsync(contractId, older.GenerationId, CancellationToken.None);
        var container = Blobs.GetBlobContainerClient(BlobBackupStorage.ContainerName(contractId));
        var chunksBefore = await CountAsync(container, "chunks/");

        // Act
        var deleted = await storage.CollectGarbageAsync(contractId, TimeSpan.FromHours(7), CancellationToken.None);

        // Assert
        Assert.AreEqual(0, deleted);
        Assert.AreEqual(chunksBefore, await CountAsync(container, "chunks/"));
        Assert.IsTrue((await storage.InspectAsync(contractId, newer.GenerationId, CancellationToken.None))!.IsWhole);
        Assert.IsNull(await storage.InspectAsync(contractId, older.GenerationId, CancellationToken.None));
    }

    private static async Task<ImageManifest> CaptureThroughSasAsync(BlobBackupStorage storage, string contractId, int seed)
    {
        var sas = await storage.IssueCaptureSasAsync(contractId, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None);
        var bytes = new byte[700 * 1024];
        new Random(seed).NextBytes(bytes);
        using var source = new MemoryStream(bytes);
        var options = new CaptureOptions { Source = new SourceMetadata("web01", "rhel7", "/dev/sda", DateTimeOffset.UtcNow, "test") };
        return await new ImageCapturer(ChunkStoreFactory.Open(sas.ToString())).CaptureAsync(source, options);
    }

    private static async Task<int> CountAsync(BlobContainerClient container, string prefix)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            count++;
        }

        return count;
    }

    private static string NewContractId() => "ctr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
