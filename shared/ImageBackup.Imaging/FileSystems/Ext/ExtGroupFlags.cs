namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>Block group descriptor flags (bg_flags) that decide whether a group's block bitmap was ever written.</summary>
[Flags]
internal enum ExtGroupFlags : ushort
{
    None = 0,
    InodeBitmapUninitialized = 0x1,
    BlockBitmapUninitialized = 0x2,
    InodeTableZeroed = 0x4,
}
