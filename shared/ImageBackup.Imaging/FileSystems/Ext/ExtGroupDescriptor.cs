namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>The parts of one block group descriptor that locate the group's allocation metadata.</summary>
internal readonly record struct ExtGroupDescriptor(ulong BlockBitmap, ulong InodeBitmap, ulong InodeTable, ExtGroupFlags Flags)
{
    /// <summary>True when the bitmap on disk was never initialised and only the group's metadata counts as used.</summary>
    public bool BlockBitmapUninitialized => (Flags & ExtGroupFlags.BlockBitmapUninitialized) != 0;
}
