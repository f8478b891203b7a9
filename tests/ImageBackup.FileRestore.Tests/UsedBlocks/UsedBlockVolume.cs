using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>One file-system volume of a <see cref="UsedBlockCase"/>.</summary>
/// <param name="Name">Volume name as discovery reports it (p1, vg/lv, disk).</param>
/// <param name="Flavour">partclone flavour: extfs, xfs or ntfs.</param>
/// <param name="ImagePath">The file-system image that was put on the disk.</param>
/// <param name="ToDisk">Maps a range of the file-system image to the disk ranges that hold it (test-side arithmetic, not the reader's).</param>
internal sealed record UsedBlockVolume(string Name, string Flavour, string ImagePath, Func<ByteRange, IEnumerable<ByteRange>> ToDisk);
