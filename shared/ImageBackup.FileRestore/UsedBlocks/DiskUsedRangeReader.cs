using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.UsedBlocks;

/// <summary>
/// The used ranges of a whole disk for a used-blocks-only capture: partition tables (MBR with logical partitions, GPT)
/// and LVM2 (linear and striped LVs, mapped back to disk offsets) are found by the file-restore volume discovery, and
/// each ext2/3/4, XFS or NTFS volume's allocation map says what is free. A byte is skipped only when a volume calls it
/// free and no other volume covers it as used; everything else — tables, gaps, LVM metadata, swap, unknown or refused
/// volumes, file systems with a dirty journal — is captured whole, so the restored image is always a valid disk.
/// </summary>
/// <param name="onNote">Receives one line per volume saying what was read or why it is captured whole.</param>
public sealed class DiskUsedRangeReader(Action<string>? onNote = null) : IUsedRangeSource
{
    /// <summary>The layouts understood, for help texts and messages.</summary>
    public const string Layouts = "MBR (with logical partitions) and GPT partitions, LVM2 linear and striped volumes, and ext2/3/4, XFS and NTFS file systems";

    /// <inheritdoc />
    public IReadOnlyList<ByteRange> GetUsedRanges(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var disk = new StreamSource(source);
        DiscoveredVolumes discovered;
        try
        {
            discovered = VolumeDiscovery.Discover(disk);
        }
        catch (Exception e) when (e is CorruptImageException or UnsupportedLayoutException or OverflowException)
        {
            throw new InvalidDataException($"used-blocks-only understands {Layouts}; this source: {e.Message}", e);
        }

        var free = new List<ByteRange>();
        var used = new List<ByteRange>();
        foreach (var volume in discovered.Volumes)
        {
            if (volume.FileSystem == "LVM2_member" || volume.Source.Length == 0)
            {
                continue; // a PV is a container (its LVs are volumes of their own); a refused LV has no mapping.
            }
            var volumeFree = new List<ByteRange>();
            if (VolumeFreeSpace.IsUnderstood(volume))
            {
                try
                {
                    volumeFree = VolumeFreeSpace.Read(volume);
                    Note($"{volume.Name} ({volume.FileSystem}): {Mib(volume.Size - ByteRanges.Sum(volumeFree))} of {Mib(volume.Size)} used");
                }
                catch (Exception e) when (e is CorruptImageException or UnsupportedLayoutException or InvalidDataException or OverflowException or EndOfStreamException)
                {
                    Note($"{volume.Name} ({volume.FileSystem}): captured whole: {e.Message}");
                    volumeFree = [];
                }
            }
            else
            {
                Note($"{volume.Name} ({volume.FileSystem ?? "unknown"}): captured whole: {volume.Refusal ?? "not a file system read for used blocks"}");
            }
            if (!TryMap(volume, volumeFree, disk, free, out var mappedFree) || !TryMap(volume, ByteRanges.Complement(volumeFree, volume.Source.Length), disk, used, out _))
            {
                Note($"{volume.Name}: captured whole: it does not map onto the disk");
                free.RemoveRange(free.Count - mappedFree, mappedFree);
            }
        }
        var skipped = ByteRanges.Subtract(ByteRanges.Normalize(free), ByteRanges.Normalize(used));
        return ByteRanges.Complement(skipped, disk.Length);
    }

    private static bool TryMap(Volume volume, List<ByteRange> ranges, IRandomAccessSource disk, List<ByteRange> target, out int added)
    {
        var before = target.Count;
        try
        {
            foreach (var range in ranges)
            {
                MapToDisk(volume.Source, range.Offset, range.Length, disk, target, depth: 0);
            }
            added = target.Count - before;
            return true;
        }
        catch (CorruptImageException)
        {
            added = target.Count - before;
            return false;
        }
    }

    private static void MapToDisk(IRandomAccessSource source, long offset, long length, IRandomAccessSource disk, List<ByteRange> target, int depth)
    {
        if (ReferenceEquals(source, disk))
        {
            target.Add(new ByteRange(offset, length));
            return;
        }
        if (source is not IMappedSource mapped || depth > 4)
        {
            throw new CorruptImageException("volume source does not lead back to the disk");
        }
        mapped.MapToInner(offset, length, (inner, innerOffset, innerLength) => MapToDisk(inner, innerOffset, innerLength, disk, target, depth + 1));
    }

    private void Note(string line) => onNote?.Invoke(line);

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MiB";
}
