using System.Collections.Concurrent;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// Remembers the chunk ids this capture handled most recently, so two workers never compress and upload the same
/// new chunk twice, while memory stays bounded on multi-terabyte disks: older ids are forgotten and a repeat of
/// one costs only an existence check (the conditional create keeps it correct either way).
/// </summary>
internal sealed class RecentChunkClaims(int capacity)
{
    private readonly ConcurrentDictionary<string, byte> claimed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>True when the caller is the first (recent) claimant of <paramref name="chunkId"/> and must store it.</summary>
    public bool TryClaim(string chunkId)
    {
        if (!claimed.TryAdd(chunkId, 0))
        {
            return false;
        }
        order.Enqueue(chunkId);
        while (order.Count > capacity && order.TryDequeue(out var oldest))
        {
            claimed.TryRemove(oldest, out _);
        }
        return true;
    }
}
