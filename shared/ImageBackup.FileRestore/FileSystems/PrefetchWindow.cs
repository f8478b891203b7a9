using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems;

/// <summary>
/// Lists a directory with the metadata of its next entries (inodes, MFT records) being fetched while earlier ones are
/// read: each entry's metadata is prefetched when it enters a window that runs ahead of the caller. A directory's
/// entries point all over the inode tables or the MFT, and without this every chunk miss would wait for the one before.
/// The window holds at most <see cref="MaxEntries"/> entries and <see cref="MaxRegions"/> distinct 256 KiB regions, so
/// what it prefetches fits the source's cache and memory stays bounded whatever the directory size.
/// </summary>
internal static class PrefetchWindow
{
    /// <summary>Most entries read ahead of the caller.</summary>
    public const int MaxEntries = 4096;

    /// <summary>Most distinct 256 KiB regions the entries ahead may touch: with 16 directory blocks read ahead, well below the generation cache's 64 chunks, so nothing prefetched is evicted before use.</summary>
    public const int MaxRegions = 16;

    private const int RegionShift = 18;

    /// <summary>
    /// Yields <paramref name="load"/> of each item of <paramref name="items"/>, in order, after prefetching
    /// <paramref name="length"/> bytes at <paramref name="offsetOf"/>(item) (null: nothing to prefetch) a window ahead.
    /// </summary>
    public static IEnumerable<FileEntry> Read<T>(IEnumerable<T> items, IRandomAccessSource source, Func<T, long?> offsetOf, int length, Func<T, FileEntry> load)
    {
        var hint = source as IPrefetchHint;
        var window = new Queue<(T Item, long Region)>();
        var regions = new Dictionary<long, int>();
        foreach (var item in items)
        {
            var region = -1L;
            if (hint is not null && offsetOf(item) is { } offset)
            {
                region = offset >> RegionShift;
                while (window.Count > 0 && !regions.ContainsKey(region) && regions.Count >= MaxRegions)
                {
                    yield return Next(window, regions, load);
                }
                hint.Prefetch(offset, length);
                regions[region] = regions.GetValueOrDefault(region) + 1;
            }
            window.Enqueue((item, region));
            if (window.Count >= MaxEntries)
            {
                yield return Next(window, regions, load);
            }
        }
        while (window.Count > 0)
        {
            yield return Next(window, regions, load);
        }
    }

    private static FileEntry Next<T>(Queue<(T Item, long Region)> window, Dictionary<long, int> regions, Func<T, FileEntry> load)
    {
        var (item, region) = window.Dequeue();
        if (region >= 0 && --regions[region] == 0)
        {
            regions.Remove(region);
        }
        return load(item);
    }
}
