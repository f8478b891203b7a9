using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>A fixture disk for used-blocks tests and, per file-system volume on it, the image partclone reads and how its offsets land on the disk.</summary>
/// <param name="DiskPath">The disk image captured.</param>
/// <param name="Volumes">Each checked volume: its name on the disk, partclone flavour, file-system image and offset mapping.</param>
internal sealed record UsedBlockCase(string DiskPath, IReadOnlyList<UsedBlockVolume> Volumes);
