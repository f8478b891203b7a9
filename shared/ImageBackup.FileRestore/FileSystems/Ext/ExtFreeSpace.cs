using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.Imaging.FileSystems.Ext;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>
/// The free blocks of an ext2/3/4 volume, read by the capture's block-bitmap reader (<see cref="ExtUsedRangeReader"/>, one
/// parser for both) over the volume's bytes: everything that reader does not call used is free.
/// </summary>
internal static class ExtFreeSpace
{
    /// <summary>Adds the free ranges of <paramref name="volume"/> (offsets in the volume) to <paramref name="free"/>.</summary>
    public static void Collect(IRandomAccessSource volume, FreeRangeCollector free)
    {
        using var stream = new SourceStream(volume);
        var used = new ExtUsedRangeReader().GetUsedRanges(stream);
        foreach (var range in ByteRanges.Complement(used, volume.Length))
        {
            free.Add(range.Offset, range.Length);
        }
    }
}
