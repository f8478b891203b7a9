using ImageBackup.Imaging.Capture;

namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>
/// Reads the block bitmaps of an ext2/3/4 file system so a capture stores only the blocks the file system uses.
/// Ranges are offsets in the source stream; bytes before <c>fileSystemOffset</c> and after the file system's last block are
/// reported as used, because this reader cannot tell what they hold.
/// </summary>
/// <param name="fileSystemOffset">Byte offset of the file system (its boot block) in the source, e.g. a partition start.</param>
public sealed class ExtUsedRangeReader(long fileSystemOffset = 0) : IUsedRangeSource
{
    /// <summary>Bytes at the start of every ext file system that always count as used: the boot area and the primary superblock.</summary>
    private const int BootAreaAndSuperblockBytes = ExtSuperblock.Offset + ExtSuperblock.Size;

    /// <inheritdoc />
    public IReadOnlyList<ByteRange> GetUsedRanges(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanSeek || !source.CanRead)
        {
            throw new ArgumentException("The ext used-range reader needs a readable, seekable stream.", nameof(source));
        }

        if (fileSystemOffset < 0 || fileSystemOffset > source.Length - BootAreaAndSuperblockBytes)
        {
            throw new InvalidDataException(
                $"Not an ext2/3/4 file system: the source of {source.Length} bytes is too short for a superblock at offset {fileSystemOffset}.");
        }

        var superblock = ReadSuperblock(source);
        var layout = new ExtGroupLayout(superblock);
        var descriptors = new ExtGroupDescriptorTable(source, fileSystemOffset, superblock, layout);
        var uninitializedMetadata = ExtUninitializedGroupMetadata.Collect(superblock, layout, descriptors);

        var ranges = new UsedRangeCoalescer();
        ranges.Add(0, fileSystemOffset);
        ranges.Add(fileSystemOffset, Math.Max(BootAreaAndSuperblockBytes, (long)superblock.FirstDataBlock * superblock.BlockSize));
        AddUsedBlocksOfEveryGroup(source, superblock, descriptors, uninitializedMetadata, ranges);
        var fileSystemEnd = fileSystemOffset + superblock.FileSystemBytes;
        ranges.Add(fileSystemEnd, source.Length - fileSystemEnd);
        return ranges.ToList();
    }

    private ExtSuperblock ReadSuperblock(Stream source)
    {
        var raw = new byte[ExtSuperblock.Size];
        DeviceReading.ReadExactlyAt(source, fileSystemOffset + ExtSuperblock.Offset, raw, "ext superblock");
        return ExtSuperblock.Parse(raw, source.Length - fileSystemOffset);
    }

    private void AddUsedBlocksOfEveryGroup(
        Stream source,
        ExtSuperblock superblock,
        ExtGroupDescriptorTable descriptors,
        ExtUninitializedGroupMetadata uninitializedMetadata,
        UsedRangeCoalescer ranges)
    {
        var bitmap = new byte[superblock.BlockSize];
        var blockSize = superblock.BlockSize;
        for (var group = 0u; group < superblock.GroupCount; group++)
        {
            var descriptor = descriptors.Read(group);
            if (superblock.HasGroupDescriptorChecksums && descriptor.BlockBitmapUninitialized)
            {
                Array.Clear(bitmap);
            }
            else
            {
                DeviceReading.ReadExactlyAt(
                    source, fileSystemOffset + (long)descriptor.BlockBitmap * blockSize, bitmap, $"block bitmap of group {group}");
            }

            foreach (var (firstBit, count) in uninitializedMetadata.For(group))
            {
                ExtBlockBitmap.SetRange(bitmap, firstBit, count);
            }

            var groupStart = fileSystemOffset + (long)superblock.GroupFirstBlock(group) * blockSize;
            ExtBlockBitmap.ForEachSetRun(
                bitmap,
                superblock.GroupBlockCount(group),
                (firstBit, count) => ranges.Add(groupStart + (long)firstBit * blockSize, (long)count * blockSize));
        }
    }
}
