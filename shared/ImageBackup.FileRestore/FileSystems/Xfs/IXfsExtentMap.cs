namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>Finds the mapping of a logical block of a data fork, whether the fork holds an extent list or a B+tree.</summary>
internal interface IXfsExtentMap
{
    /// <summary>
    /// The extent holding <paramref name="logicalBlock"/>, else the first extent after it (a hole up to its start);
    /// false when no extent lies at or after the block.
    /// </summary>
    bool TryFind(ulong logicalBlock, out XfsExtent extent);
}
