namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>
/// The metadata blocks of BLOCK_UNINIT groups (superblock copy, descriptors, bitmaps, inode table), whose on-disk bitmaps were
/// never written, filed under the group each block lies in, as e2fsprogs' mark_uninit_bg_group_blocks marks them.
/// </summary>
internal sealed class ExtUninitializedGroupMetadata
{
    private readonly Dictionary<uint, List<(uint FirstBit, uint Count)>> _byGroup = [];

    private ExtUninitializedGroupMetadata()
    {
    }

    /// <summary>Reads every descriptor once and collects the metadata extents of BLOCK_UNINIT groups.</summary>
    public static ExtUninitializedGroupMetadata Collect(ExtSuperblock superblock, ExtGroupLayout layout, ExtGroupDescriptorTable descriptors)
    {
        var metadata = new ExtUninitializedGroupMetadata();
        if (!superblock.HasGroupDescriptorChecksums)
        {
            return metadata;
        }

        for (var group = 0u; group < superblock.GroupCount; group++)
        {
            var descriptor = descriptors.Read(group);
            if (!descriptor.BlockBitmapUninitialized)
            {
                continue;
            }

            foreach (var (first, count) in layout.SuperblockAndDescriptorExtents(group))
            {
                metadata.Add(superblock, first, count);
            }

            if (descriptor.InodeTable != 0)
            {
                metadata.Add(superblock, descriptor.InodeTable, superblock.InodeTableBlocksPerGroup);
            }

            if (descriptor.BlockBitmap != 0)
            {
                metadata.Add(superblock, descriptor.BlockBitmap, 1);
            }

            if (descriptor.InodeBitmap != 0)
            {
                metadata.Add(superblock, descriptor.InodeBitmap, 1);
            }
        }

        return metadata;
    }

    /// <summary>The extents (as bits of that group's bitmap) to mark used in <paramref name="group"/>.</summary>
    public IReadOnlyList<(uint FirstBit, uint Count)> For(uint group) =>
        _byGroup.TryGetValue(group, out var extents) ? extents : [];

    private void Add(ExtSuperblock superblock, ulong first, ulong count)
    {
        var end = Math.Min(first + count, superblock.BlocksCount);
        var block = Math.Max(first, superblock.FirstDataBlock);
        while (block < end)
        {
            var group = (uint)((block - superblock.FirstDataBlock) / superblock.BlocksPerGroup);
            var groupFirst = superblock.GroupFirstBlock(group);
            var groupEnd = groupFirst + superblock.GroupBlockCount(group);
            var pieceEnd = Math.Min(end, groupEnd);
            if (!_byGroup.TryGetValue(group, out var extents))
            {
                extents = [];
                _byGroup[group] = extents;
            }

            extents.Add(((uint)(block - groupFirst), (uint)(pieceEnd - block)));
            block = pieceEnd;
        }
    }
}
