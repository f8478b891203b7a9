namespace ImageBackup.Agent.Tests.Support;

/// <summary>Builds an MBR disk over stale random bytes with one ext4 partition (sfdisk, then <c>mke2fs -E offset</c>), for used-blocks tests of whole disks.</summary>
internal static class PartitionedExtImage
{
    public const long PartitionOffset = ImageFile.MiB;
    public const int PartitionMegabytes = 40;

    public static string Create(TemporaryFolder folder, int megabytes)
    {
        var files = Directory.CreateDirectory(folder.File("files")).FullName;
        File.WriteAllText(Path.Combine(files, "hostname"), "web01\n");
        var data = new byte[3 * ImageFile.MiB];
        new Random(21).NextBytes(data);
        File.WriteAllBytes(Path.Combine(files, "data.bin"), data);
        var stale = new byte[megabytes * ImageFile.MiB];
        new Random(22).NextBytes(stale);
        var image = folder.File("disk.img");
        File.WriteAllBytes(image, stale);
        var script = folder.File("table.sfdisk");
        File.WriteAllText(script, $"label: dos\nstart=2048, size={PartitionMegabytes * 2048}, type=83\n");
        ExtImage.Run("sh", "-c", $"sfdisk --no-reread --no-tell-kernel -q '{image}' < '{script}'").AssertSucceeded();
        ExtImage.Run("mke2fs", "-q", "-F", "-t", "ext4", "-E", $"offset={PartitionOffset},nodiscard", "-d", files, image, $"{PartitionMegabytes}M").AssertSucceeded();
        return image;
    }

    /// <summary>Copies the partition out of <paramref name="disk"/> so e2fsprogs can check it.</summary>
    public static string ExtractPartition(string disk, string target)
    {
        using var source = File.OpenRead(disk);
        using var output = File.Create(target);
        source.Position = PartitionOffset;
        var buffer = new byte[PartitionMegabytes * ImageFile.MiB];
        source.ReadExactly(buffer);
        output.Write(buffer);
        return target;
    }
}
