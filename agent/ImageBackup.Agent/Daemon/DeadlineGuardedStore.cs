using ImageBackup.Imaging.Storage;

namespace ImageBackup.Agent.Daemon;

/// <summary>
/// Wraps the night's store so no manifest is committed at or after the deadline (docs/nightly-captures.md §3: garbage
/// collection relies on it); chunks may still be written, they are garbage until a later generation references them.
/// </summary>
internal sealed class DeadlineGuardedStore(IChunkStore inner, DateTimeOffset deadline, TimeProvider time) : IChunkStore
{
    /// <inheritdoc />
    public string Description => inner.Description;

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string chunkId, CancellationToken cancellationToken) => inner.ExistsAsync(chunkId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> PutIfAbsentAsync(string chunkId, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken) =>
        inner.PutIfAbsentAsync(chunkId, blob, cancellationToken);

    /// <inheritdoc />
    public Task<int> GetAsync(string chunkId, Memory<byte> destination, CancellationToken cancellationToken) =>
        inner.GetAsync(chunkId, destination, cancellationToken);

    /// <inheritdoc />
    public Task DeleteChunkAsync(string chunkId, CancellationToken cancellationToken) => inner.DeleteChunkAsync(chunkId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListGenerationsAsync(CancellationToken cancellationToken) => inner.ListGenerationsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> PutManifestIfAbsentAsync(string generationId, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        ThrowIfPast(generationId);
        return inner.PutManifestIfAbsentAsync(generationId, utf8Json, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> PutManifestIfAbsentAsync(string generationId, Stream utf8Json, CancellationToken cancellationToken)
    {
        ThrowIfPast(generationId);
        return inner.PutManifestIfAbsentAsync(generationId, utf8Json, cancellationToken);
    }

    /// <inheritdoc />
    public Task<byte[]> GetManifestAsync(string generationId, CancellationToken cancellationToken) => inner.GetManifestAsync(generationId, cancellationToken);

    /// <inheritdoc />
    public Task<Stream> OpenManifestAsync(string generationId, CancellationToken cancellationToken) => inner.OpenManifestAsync(generationId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> HasGenerationAsync(string generationId, CancellationToken cancellationToken) => inner.HasGenerationAsync(generationId, cancellationToken);

    /// <inheritdoc />
    public Task DeleteManifestAsync(string generationId, CancellationToken cancellationToken) => inner.DeleteManifestAsync(generationId, cancellationToken);

    private void ThrowIfPast(string generationId)
    {
        if (time.GetUtcNow() >= deadline)
        {
            throw new DeadlinePassedException($"the deadline {deadline:O} passed before generation {generationId} was committed");
        }
    }
}
