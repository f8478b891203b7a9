using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// The free clusters of an NTFS volume from <c>$Bitmap</c> (MFT record 6, one bit per cluster, read through the MFT), so
/// a capture skips them. The clusters of <c>$MFT</c>, <c>$MFTMirr</c>, <c>$LogFile</c>, <c>$Bitmap</c> and <c>$Boot</c>
/// always count as used, and so does everything past the last cluster (the backup boot sector).
/// </summary>
internal static class NtfsFreeSpace
{
    private const ulong BitmapRecord = 6;
    private static readonly ulong[] AlwaysUsedRecords = [0, 1, 2, 6, 7];

    /// <summary>The free ranges of <paramref name="volume"/> (offsets in the volume), sorted.</summary>
    public static List<ByteRange> Collect(NtfsVolume volume)
    {
        var boot = volume.Boot;
        var clusterSize = (long)boot.ClusterSize;
        var free = new FreeRangeCollector();
        using (var bitmap = OpenData(volume, BitmapRecord))
        {
            var needed = (boot.ClusterCount + 7) / 8;
            if (bitmap.Length < needed)
            {
                throw new CorruptImageException($"NTFS: $Bitmap holds {bitmap.Length} bytes, {needed} are needed for {boot.ClusterCount} clusters.");
            }
            var buffer = new byte[64 << 10];
            long cluster = 0, freeStart = -1;
            while (cluster < boot.ClusterCount)
            {
                var bytes = (int)Math.Min(buffer.Length, needed - (cluster / 8));
                bitmap.Position = cluster / 8;
                bitmap.ReadExactly(buffer, 0, bytes);
                for (var index = 0; index < bytes && cluster < boot.ClusterCount; index++)
                {
                    var value = buffer[index];
                    if ((value == 0 && freeStart >= 0) || (value == 0xFF && freeStart < 0))
                    {
                        cluster += 8;
                        continue;
                    }
                    for (var bit = 0; bit < 8 && cluster < boot.ClusterCount; bit++, cluster++)
                    {
                        var used = (value & (1 << bit)) != 0;
                        if (!used && freeStart < 0)
                        {
                            freeStart = cluster;
                        }
                        else if (used && freeStart >= 0)
                        {
                            free.Add(freeStart * clusterSize, (cluster - freeStart) * clusterSize);
                            freeStart = -1;
                        }
                    }
                }
            }
            if (freeStart >= 0)
            {
                var end = Math.Min(cluster, boot.ClusterCount);
                free.Add(freeStart * clusterSize, (end - freeStart) * clusterSize);
            }
        }

        var forced = new List<ByteRange> { new(0, clusterSize) };
        foreach (var record in AlwaysUsedRecords)
        {
            foreach (var extent in volume.LoadFile(record).Find(NtfsAttribute.Data, string.Empty).Where(a => a.NonResident))
            {
                forced.AddRange(extent.Runs.Where(r => !r.IsSparse).Select(r => new ByteRange(r.Lcn * clusterSize, r.Length * clusterSize)));
            }
        }
        return ByteRanges.Subtract(free.Ranges, ByteRanges.Normalize(forced));
    }

    private static Stream OpenData(NtfsVolume volume, ulong record)
    {
        var extents = volume.LoadFile(record).Find(NtfsAttribute.Data, string.Empty);
        var first = extents.FirstOrDefault(a => a.StartVcn == 0) ?? throw new CorruptImageException($"NTFS: record {record} has no $DATA.");
        if (!first.NonResident)
        {
            return new MemoryStream(first.Value, writable: false);
        }
        var map = NtfsClusterMap.Build(extents, volume.Source, volume.Boot, $"record {record} $DATA");
        if (first.DataSize > map.MappedClusters * volume.Boot.ClusterSize)
        {
            throw new CorruptImageException($"NTFS: record {record} $DATA is longer than its runlist.");
        }
        return new NtfsDataStream(map, first.DataSize, first.InitializedSize, volume.Boot.ClusterSize, 0);
    }
}
