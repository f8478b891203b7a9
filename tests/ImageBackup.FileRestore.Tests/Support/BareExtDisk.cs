using static ImageBackup.FileRestore.Tests.Support.DiskBuilder;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>An unpartitioned disk holding one ext file system (the disk image is the file-system image).</summary>
internal sealed record BareExtDisk(string DiskPath, string Source)
{
    /// <summary>ext3, 1 KiB blocks: a 5 MiB file needs double indirect blocks, a 70 MiB sparse file triple indirect ones.</summary>
    public static BareExtDisk BuildExt3Indirect(string folder)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        SourceTree.WriteStandard(source, 3);
        var random = new Random(33);
        var five = new byte[5 * MiB];
        random.NextBytes(five);
        File.WriteAllBytes(Path.Combine(source, "five-mib.bin"), five);
        using (var sparse = File.Create(Path.Combine(source, "sparse.bin")))
        {
            sparse.Write("head of a sparse file\n"u8);
            sparse.Position = (70 * MiB) - 22;
            sparse.Write("tail of a sparse file\n"u8);
        }
        var disk = BuildExt(Path.Combine(folder, "disk.img"), source, "-t ext3 -b 1024 -L legacy", 48 * MiB);
        return new BareExtDisk(disk, source);
    }

    /// <summary>ext4 (metadata_csum, 64bit) whose /many directory of 10,000 files is hash-indexed by <c>e2fsck -fyD</c>.</summary>
    public static BareExtDisk BuildHtree(string folder)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        SourceTree.WriteStandard(source, 4);
        SourceTree.WriteManyFiles(Path.Combine(source, "many"), 10_000);
        var disk = BuildExt(Path.Combine(folder, "disk.img"), source, "-t ext4 -b 1024 -N 12000 -L many", 48 * MiB);
        var fsck = Tools.Run("e2fsck", null, "-fyD", disk);
        if (fsck.ExitCode > 1)
        {
            Assert.Fail($"e2fsck -fyD exited {fsck.ExitCode}: {fsck.StandardOutput}{fsck.StandardError}");
        }
        return new BareExtDisk(disk, source);
    }
}
