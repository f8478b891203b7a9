namespace ImageBackup.Imaging.Capture;

/// <summary>Thread-safe counters the workers of one capture share, so totals are exact under parallelism.</summary>
internal sealed class CaptureCounters
{
    private long newChunks;
    private long newBytesStored;
    private long unchanged;

    /// <summary>Blocks whose fingerprint matched the previous capture (no hash, no request, no compression).</summary>
    public long Unchanged => Interlocked.Read(ref unchanged);

    /// <summary>Counts one block found unchanged through the change cache.</summary>
    public void AddUnchanged() => Interlocked.Increment(ref unchanged);

    /// <summary>Chunks this capture created in the store.</summary>
    public long NewChunks => Interlocked.Read(ref newChunks);

    /// <summary>Bytes of chunk blobs this capture created in the store.</summary>
    public long NewBytesStored => Interlocked.Read(ref newBytesStored);

    /// <summary>Counts one chunk blob of <paramref name="blobLength"/> bytes created in the store.</summary>
    public void AddNewChunk(int blobLength)
    {
        Interlocked.Increment(ref newChunks);
        Interlocked.Add(ref newBytesStored, blobLength);
    }
}
