using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;

namespace ImageBackup.Imaging.Storage;

/// <summary>
/// Chunk store in an Azure blob container (<c>chunks/&lt;id&gt;</c>, <c>generations/&lt;id&gt;.json</c>), for off-site backups.
/// Every write is a conditional create (<c>If-None-Match: *</c>), so a retried upload never overwrites, and it works
/// with a write-only container SAS: when existence cannot be checked (403) the conditional create decides.
/// </summary>
public sealed class BlobChunkStore(BlobContainerClient container) : IChunkStore
{
    private static readonly BlobRequestConditions CreateOnly = new() { IfNoneMatch = ETag.All };

    /// <inheritdoc />
    public string Description => container.Uri.GetLeftPart(UriPartial.Path);

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string chunkId, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient(ChunkName(chunkId)).ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            return false;
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public Task<bool> PutIfAbsentAsync(string chunkId, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken) =>
        CreateOnceAsync(ChunkName(chunkId), blob, cancellationToken);

    /// <inheritdoc />
    public async Task<int> GetAsync(string chunkId, Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(ChunkName(chunkId)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var content = response.Value.Content;
            if (response.Value.Details.ContentLength > destination.Length)
            {
                throw new DamagedChunkException(chunkId, "chunk blob is larger than any valid chunk");
            }
            return await content.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new DamagedChunkException(chunkId, "chunk is missing from the store");
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public Task DeleteChunkAsync(string chunkId, CancellationToken cancellationToken) =>
        DeleteAsync(ChunkName(chunkId), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListGenerationsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var ids = new List<string>();
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "generations/" }, cancellationToken))
            {
                var id = Path.GetFileNameWithoutExtension(item.Name);
                if (item.Name.EndsWith(".json", StringComparison.Ordinal) && GenerationId.IsValid(id))
                {
                    ids.Add(id);
                }
            }
            ids.Sort(StringComparer.Ordinal);
            return ids;
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public Task<bool> PutManifestIfAbsentAsync(string generationId, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
        CreateOnceAsync(ManifestName(generationId), utf8Json, cancellationToken);

    /// <inheritdoc />
    public Task<bool> PutManifestIfAbsentAsync(string generationId, Stream utf8Json, CancellationToken cancellationToken) =>
        CreateOnceAsync(ManifestName(generationId), utf8Json, cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]> GetManifestAsync(string generationId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(ManifestName(generationId)).DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new GenerationNotFoundException(generationId, $"no manifest in {Description}");
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenManifestAsync(string generationId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(ManifestName(generationId)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new GenerationNotFoundException(generationId, $"no manifest in {Description}");
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public async Task<bool> HasGenerationAsync(string generationId, CancellationToken cancellationToken)
    {
        if (!GenerationId.IsValid(generationId))
        {
            return false;
        }
        try
        {
            return (await container.GetBlobClient(ManifestName(generationId)).ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            return false;
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public Task DeleteManifestAsync(string generationId, CancellationToken cancellationToken) =>
        DeleteAsync(ManifestName(generationId), cancellationToken);

    private static string ChunkName(string chunkId) => "chunks/" + chunkId;

    private static string ManifestName(string generationId) => "generations/" + generationId + ".json";

    private Task<bool> CreateOnceAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        CreateOnceAsync(name, BinaryData.FromBytes(content).ToStream(), cancellationToken);

    private async Task<bool> CreateOnceAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobUploadOptions { Conditions = CreateOnly };
            await container.GetBlockBlobClient(name).UploadAsync(content, options, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }

    private async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (Exception e) when (BlobFailures.Translate(e, Description) is { } translated)
        {
            throw translated;
        }
    }
}
