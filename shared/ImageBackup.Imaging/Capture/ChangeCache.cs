using System.Security.Cryptography;
using System.Text;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// The block index of the previous capture of the same source into the same store (kept in a local cache directory)
/// and the index this capture writes. The previous index is trusted only while its generation is still in the store:
/// a committed generation's chunks all exist, so an unchanged block needs no SHA-256, no existence check (no HEAD on
/// a blob store) and no compression. Without a cache directory the new index is a temporary file (it still keeps the
/// block list out of memory).
/// </summary>
internal sealed class ChangeCache : IDisposable
{
    private readonly string? cachePath;
    private bool committed;

    private ChangeCache(BlockIndexFile? previous, BlockIndexFile next, string? cachePath)
    {
        Previous = previous;
        Next = next;
        this.cachePath = cachePath;
    }

    /// <summary>Index of the previous capture when it can be trusted, else null.</summary>
    public BlockIndexFile? Previous { get; }

    /// <summary>Index this capture writes.</summary>
    public BlockIndexFile Next { get; }

    /// <summary>Opens the cache for a capture of <paramref name="options"/> into <paramref name="store"/>.</summary>
    public static async Task<ChangeCache> OpenAsync(IChunkStore store, CaptureOptions options, CancellationToken cancellationToken)
    {
        if (options.CacheDirectory is { } directory)
        {
            try
            {
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, Key(store, options) + ".index");
                var previous = BlockIndexFile.TryOpenCommitted(path);
                if (previous is not null
                    && (previous.ChunkSize != options.ChunkSize
                        || !(options.KnownGenerations.Contains(previous.GenerationId!) || await store.HasGenerationAsync(previous.GenerationId!, cancellationToken))))
                {
                    previous.Dispose();
                    previous = null;
                }
                var seed = previous?.Seed ?? NewSeed();
                var next = BlockIndexFile.Create($"{path}.tmp-{Guid.NewGuid():N}", options.ChunkSize, seed);
                return new ChangeCache(previous, next, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unusable cache directory costs speed, never the backup: fall through to a temporary index.
            }
        }
        var temporary = Path.Combine(Path.GetTempPath(), $"imagebackup-index-{Guid.NewGuid():N}");
        return new ChangeCache(null, BlockIndexFile.Create(temporary, options.ChunkSize, NewSeed()), null);
    }

    /// <summary>Keeps the new index as the cache for the next capture, once <paramref name="generationId"/> is committed.</summary>
    public void Commit(string generationId)
    {
        if (cachePath is null)
        {
            return;
        }
        try
        {
            Next.MarkCommitted(generationId);
            File.Move(Next.Path, cachePath, overwrite: true);
            committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The generation is committed; a cache that could not be kept only makes the next capture slower.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Previous?.Dispose();
        Next.Dispose();
        if (!committed)
        {
            File.Delete(Next.Path);
        }
    }

    private static string Key(IChunkStore store, CaptureOptions options) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{store.Description}\n{options.Source.SourcePath}\n{options.ChunkSize}")))[..32];

    private static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
