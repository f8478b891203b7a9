namespace ImageBackup.Imaging.Storage;

/// <summary>
/// Port to the place chunks and manifests are kept (a local directory or a blob container), so capture, restore and
/// verify do not depend on where the backup lives. Writes never overwrite: chunks are content-addressed and
/// manifests are created once.
/// </summary>
public interface IChunkStore
{
    /// <summary>Human-readable location, for logs (never includes a SAS token).</summary>
    string Description { get; }

    /// <summary>True when the chunk is known to exist; false when it is absent or its existence cannot be checked (write-only credentials).</summary>
    Task<bool> ExistsAsync(string chunkId, CancellationToken cancellationToken);

    /// <summary>Stores a chunk blob unless one with this id exists; true when this call created it. A concurrent or earlier identical write is success.</summary>
    Task<bool> PutIfAbsentAsync(string chunkId, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken);

    /// <summary>Reads a chunk blob into <paramref name="destination"/> and returns its length; throws <see cref="Format.DamagedChunkException"/> when it is missing or too large.</summary>
    Task<int> GetAsync(string chunkId, Memory<byte> destination, CancellationToken cancellationToken);

    /// <summary>Deletes a chunk (for retention); no error when it does not exist.</summary>
    Task DeleteChunkAsync(string chunkId, CancellationToken cancellationToken);

    /// <summary>Ids of the committed generations, oldest first.</summary>
    Task<IReadOnlyList<string>> ListGenerationsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the manifest of a generation; false when a manifest with this id exists already (it is never overwritten).</summary>
    Task<bool> PutManifestIfAbsentAsync(string generationId, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the manifest of a generation from a stream of its JSON (read from its current position to the end), so a
    /// manifest of millions of extents never has to be in memory; false when a manifest with this id exists already.
    /// The default buffers the stream and calls the memory overload; stores override it.
    /// </summary>
    async Task<bool> PutManifestIfAbsentAsync(string generationId, Stream utf8Json, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken);
        return await PutManifestIfAbsentAsync(generationId, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    /// <summary>Reads the manifest JSON of a generation; throws <see cref="Manifests.GenerationNotFoundException"/> when absent.</summary>
    Task<byte[]> GetManifestAsync(string generationId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the manifest JSON of a generation as a stream, so a large manifest can be parsed without holding it in
    /// memory; throws <see cref="Manifests.GenerationNotFoundException"/> when absent. The default wraps
    /// <see cref="GetManifestAsync"/>; stores override it.
    /// </summary>
    async Task<Stream> OpenManifestAsync(string generationId, CancellationToken cancellationToken) =>
        new MemoryStream(await GetManifestAsync(generationId, cancellationToken), writable: false);

    /// <summary>Deletes the manifest of a generation (for retention); no error when it does not exist.</summary>
    Task DeleteManifestAsync(string generationId, CancellationToken cancellationToken);

    /// <summary>
    /// True when the generation's manifest is in the store (so every chunk it references exists); false when it is
    /// absent or cannot be checked (write-only credentials). The default lists generations; stores override it.
    /// </summary>
    async Task<bool> HasGenerationAsync(string generationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await ListGenerationsAsync(cancellationToken)).Contains(generationId, StringComparer.Ordinal);
        }
        catch (ChunkStoreAccessDeniedException)
        {
            return false;
        }
    }
}
