namespace ImageBackup.FileRestore.Reading;

/// <summary>Tuning of <see cref="GenerationSource"/>: how many decoded chunks to keep, how far to read ahead, how many fetches at once.</summary>
public sealed record GenerationSourceOptions
{
    /// <summary>Decoded chunks kept in the LRU cache (capped so the cache never exceeds <see cref="MaxCacheBytes"/>).</summary>
    public int CacheChunks { get; init; } = 64;

    /// <summary>Upper bound of the cache in bytes, whatever the chunk size (keeps memory bounded with 16 MiB chunks).</summary>
    public long MaxCacheBytes { get; init; } = 64L << 20;

    /// <summary>Data chunks fetched ahead of a sequential reader (reads of 64 KiB or more; small metadata reads never read ahead).</summary>
    public int ReadAheadChunks { get; init; } = 4;

    /// <summary>Chunk fetches running at once.</summary>
    public int ParallelFetches { get; init; } = 8;
}
