using static ImageBackup.FileRestore.Tests.Support.DiskBuilder;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>MBR disk with p1 (ext2) and an extended partition holding p5 (ext4) and p6 (ext3).</summary>
internal sealed record ExtendedMbrDisk(string DiskPath, string Source)
{
    public static ExtendedMbrDisk Build(string folder)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "src")).FullName;
        SourceTree.WriteStandard(source, 5);
        var disk = Path.Combine(folder, "disk.img");
        CreatePartitioned(disk, 40 * MiB,
            "label: dos\nstart=2048, size=16384, type=83\nstart=18432, size=61440, type=5\nstart=20480, size=16384, type=83\nstart=38912, size=16384, type=83\n");
        foreach (var (name, options, offset) in new[] { ("p1", "-t ext2 -L first", 2048L), ("p5", "-t ext4 -L fifth", 20480L), ("p6", "-t ext3 -L sixth", 38912L) })
        {
            var image = BuildExt(Path.Combine(folder, name + ".img"), source, options, 8 * MiB);
            CopyInto(disk, image, offset * 512);
        }
        return new ExtendedMbrDisk(disk, source);
    }
}
