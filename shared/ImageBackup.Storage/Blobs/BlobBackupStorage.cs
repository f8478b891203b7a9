using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ImageBackup.Application.Captures;
using ImageBackup.Domain.Retention;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Storage.Blobs;

/// <summary>
/// Generations in one blob container per contract (the image format's <c>chunks/</c> and <c>generations/</c> layout):
/// write-only SAS for agents, manifest checks with the service's own credentials, manifest deletion and chunk GC.
/// </summary>
public sealed class BlobBackupStorage(BlobServiceClient blobs) : IBackupStorage
{
    private const string ChunkPrefix = "chunks/";
    private const string MarkBlob = "gc/mark";

    /// <summary>The container of a contract's generations.</summary>
    public static string ContainerName(string contractId) => contractId.ToLowerInvariant();

    /// <inheritdoc />
    public async Task<Uri> IssueCaptureSasAsync(string contractId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(ContainerName(contractId));
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var sas = new BlobSasBuilder(BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write, expiresAt.ToUniversalTime())
        {
            BlobContainerName = container.Name,
            Resource = "c",
        };
        return container.GenerateSasUri(sas);
    }

    /// <inheritdoc />
    public async Task<GenerationInspection?> InspectAsync(string contractId, string generationId, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(ContainerName(contractId));
        if (!GenerationId.IsValid(generationId) || !(await container.ExistsAsync(cancellationToken)).Value)
        {
            return null;
        }

        ImageManifest manifest;
        try
        {
            manifest = await ManifestReader.ReadAsync(new BlobChunkStore(container), generationId, cancellationToken);
        }
        catch (GenerationNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            return new GenerationInspection(generationId, "the manifest cannot be read: " + e.Message, DateTimeOffset.MinValue, 0, 0, 0);
        }

        var referenced = manifest.Extents.Where(x => x.ChunkId is not null).Select(x => x.ChunkId!).ToHashSet(StringComparer.Ordinal);
        var missing = await FindMissingAsync(container, referenced, cancellationToken);
        var problem = missing.Count == 0 ? null : $"{missing.Count} of {referenced.Count} chunks are missing (first: {missing.Order(StringComparer.Ordinal).First()})";
        return new GenerationInspection(generationId, problem, manifest.Source.CapturedAt, manifest.ImageSize, manifest.Totals.NewBytesStored, referenced.Count);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListGenerationsAsync(string contractId, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(ContainerName(contractId));
        return (await container.ExistsAsync(cancellationToken)).Value ? await new BlobChunkStore(container).ListGenerationsAsync(cancellationToken) : [];
    }

    /// <inheritdoc />
    public Task DeleteGenerationAsync(string contractId, string generationId, CancellationToken cancellationToken) =>
        new BlobChunkStore(blobs.GetBlobContainerClient(ContainerName(contractId))).DeleteManifestAsync(generationId, cancellationToken);

    /// <inheritdoc />
    public async Task<int> CollectGarbageAsync(string contractId, TimeSpan grace, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(ContainerName(contractId));
        var store = new BlobChunkStore(container);

        // Mark: the store's clock, before any manifest is listed.
        var mark = await container.GetBlobClient(MarkBlob).UploadAsync(BinaryData.FromString("mark"), overwrite: true, cancellationToken);
        var markStartedAt = mark.Value.LastModified;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in await store.ListGenerationsAsync(cancellationToken))
        {
            try
            {
                var manifest = await ManifestReader.ReadAsync(store, id, cancellationToken);
                referenced.UnionWith(manifest.Extents.Where(x => x.ChunkId is not null).Select(x => x.ChunkId!));
            }
            catch (GenerationNotFoundException)
            {
                // Deleted since the listing.
            }
        }

        // Sweep: only what the pure rule allows, each delete conditional on the ETag listed.
        var chunks = new Dictionary<string, (DateTimeOffset Modified, ETag ETag)>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = ChunkPrefix }, cancellationToken))
        {
            chunks[blob.Name[ChunkPrefix.Length..]] = (blob.Properties.LastModified ?? DateTimeOffset.MaxValue, blob.Properties.ETag ?? ETag.All);
        }

        var doomed = ChunkSweep.Plan(referenced, new HashSet<string>(), chunks.Select(c => new ChunkInfo(c.Key, c.Value.Modified)), markStartedAt, grace);
        var deleted = 0;
        await Parallel.ForEachAsync(doomed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            try
            {
                await container.GetBlobClient(ChunkPrefix + id).DeleteAsync(conditions: new BlobRequestConditions { IfMatch = chunks[id].ETag }, cancellationToken: ct);
                Interlocked.Increment(ref deleted);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Gone already, or rewritten since the listing: it stays.
            }
        });
        return deleted;
    }

    private static async Task<IReadOnlyCollection<string>> FindMissingAsync(BlobContainerClient container, HashSet<string> referenced, CancellationToken cancellationToken)
    {
        if (referenced.Count > 256)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = ChunkPrefix }, cancellationToken))
            {
                present.Add(blob.Name[ChunkPrefix.Length..]);
            }

            return [.. referenced.Where(id => !present.Contains(id))];
        }

        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(referenced, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (!(await container.GetBlobClient(ChunkPrefix + id).ExistsAsync(ct)).Value)
            {
                missing.Add(id);
            }
        });
        return missing;
    }
}
