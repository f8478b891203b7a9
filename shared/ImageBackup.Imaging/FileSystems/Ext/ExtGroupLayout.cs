namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>
/// Where the superblock copies and group descriptor blocks sit, per sparse_super, sparse_super2 and meta_bg rules
/// (the rules of e2fsprogs' ext2fs_bg_has_super, ext2fs_super_and_bgd_loc2 and ext2fs_descriptor_block_loc2).
/// </summary>
internal sealed class ExtGroupLayout(ExtSuperblock superblock)
{
    /// <summary>True when <paramref name="group"/> holds the primary superblock or a backup of it.</summary>
    public bool HasSuperblock(uint group)
    {
        if (group == 0)
        {
            return true;
        }

        if (superblock.HasSparseSuper2)
        {
            return group == superblock.BackupGroup1 || group == superblock.BackupGroup2;
        }

        if (group <= 1 || !superblock.HasSparseSuper)
        {
            return true;
        }

        if ((group & 1) == 0)
        {
            return false;
        }

        return IsPowerOf(group, 3) || IsPowerOf(group, 5) || IsPowerOf(group, 7);
    }

    /// <summary>Block that holds group descriptor block <paramref name="index"/> of the primary table.</summary>
    public ulong DescriptorBlock(uint index)
    {
        if (!superblock.HasMetaBlockGroups || index < superblock.FirstMetaBlockGroup)
        {
            return superblock.FirstDataBlock + 1UL + index;
        }

        var firstGroupOfMetaGroup = checked(superblock.DescriptorsPerBlock * index);
        return superblock.GroupFirstBlock(firstGroupOfMetaGroup) + (HasSuperblock(firstGroupOfMetaGroup) ? 1UL : 0UL);
    }

    /// <summary>
    /// The blocks of <paramref name="group"/> taken by a superblock copy, the old-style descriptor table with its reserved
    /// growth blocks, or a meta_bg descriptor block: what a BLOCK_UNINIT group uses besides its bitmaps and inode table.
    /// </summary>
    public IEnumerable<(ulong First, ulong Count)> SuperblockAndDescriptorExtents(uint group)
    {
        var groupBlock = superblock.GroupFirstBlock(group);
        var hasSuper = HasSuperblock(group);
        if (hasSuper)
        {
            yield return (groupBlock, 1);
        }

        var metaGroupSize = superblock.DescriptorsPerBlock;
        var metaGroup = group / metaGroupSize;
        if (!superblock.HasMetaBlockGroups || metaGroup < superblock.FirstMetaBlockGroup)
        {
            if (hasSuper)
            {
                var oldDescriptorBlocks = superblock.HasMetaBlockGroups
                    ? superblock.FirstMetaBlockGroup
                    : superblock.DescriptorBlockCount + superblock.ReservedDescriptorBlocks;
                var first = groupBlock + 1;
                var count = Math.Min(oldDescriptorBlocks, superblock.BlocksCount - Math.Min(first, superblock.BlocksCount));
                yield return (first, count);
            }

            yield break;
        }

        var indexInMetaGroup = group % metaGroupSize;
        if (indexInMetaGroup == 0 || indexInMetaGroup == 1 || indexInMetaGroup == metaGroupSize - 1)
        {
            yield return (groupBlock + (hasSuper ? 1UL : 0UL), 1);
        }
    }

    private static bool IsPowerOf(uint value, uint radix)
    {
        var power = 1UL;
        while (power < value)
        {
            power *= radix;
        }

        return power == value;
    }
}
