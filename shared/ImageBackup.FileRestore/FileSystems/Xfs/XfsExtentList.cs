namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>An extent-format data fork: records stored in the inode, sorted and non-overlapping (checked on load).</summary>
internal sealed class XfsExtentList : IXfsExtentMap
{
    private const int RecordSize = 16;
    private readonly XfsExtent[] extents;

    public XfsExtentList(XfsExtent[] extents) => this.extents = extents;

    /// <summary>Decodes the in-inode extent records of <paramref name="inode"/>.</summary>
    public static XfsExtentList FromInode(XfsInode inode, XfsSuperblock superblock)
    {
        if (inode.ExtentCount > (ulong)(inode.DataFork.Length / RecordSize))
        {
            throw new CorruptImageException($"XFS: inode {inode.Number} claims {inode.ExtentCount} extents, more than its fork holds.");
        }

        var extents = new XfsExtent[(int)inode.ExtentCount];
        for (var i = 0; i < extents.Length; i++)
        {
            extents[i] = XfsExtent.Decode(inode.DataFork.AsSpan(i * RecordSize, RecordSize), superblock);
        }

        CheckSorted(extents, inode.Number);
        return new XfsExtentList(extents);
    }

    /// <summary>Fails when records overlap or are out of order.</summary>
    public static void CheckSorted(ReadOnlySpan<XfsExtent> extents, ulong inode)
    {
        for (var i = 1; i < extents.Length; i++)
        {
            if (extents[i].StartOffset < extents[i - 1].EndOffset)
            {
                throw new CorruptImageException($"XFS: inode {inode} has overlapping or unsorted extents.");
            }
        }
    }

    public bool TryFind(ulong logicalBlock, out XfsExtent extent) => Find(extents, logicalBlock, out extent);

    /// <summary>Binary search over sorted records.</summary>
    public static bool Find(ReadOnlySpan<XfsExtent> extents, ulong logicalBlock, out XfsExtent extent)
    {
        int low = 0, high = extents.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (extents[middle].EndOffset <= logicalBlock)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        extent = low < extents.Length ? extents[low] : default;
        return low < extents.Length;
    }
}
