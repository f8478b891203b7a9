namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>Builds disk images without mounting: ext file systems with mke2fs -d, partition tables with sfdisk, file-system images copied into place.</summary>
internal static class DiskBuilder
{
    public const long MiB = 1L << 20;

    /// <summary>Creates an ext file system image of <paramref name="bytes"/> from <paramref name="sourceDirectory"/> with <c>mke2fs -d</c>.</summary>
    public static string BuildExt(string imagePath, string sourceDirectory, string options, long bytes)
    {
        using (var file = File.Create(imagePath))
        {
            file.SetLength(bytes);
        }
        var arguments = new List<string> { "-q", "-F", "-E", "nodiscard", "-d", sourceDirectory };
        arguments.AddRange(options.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        arguments.Add(imagePath);
        Tools.RunSuccessfully("mke2fs", [.. arguments]);
        return imagePath;
    }

    /// <summary>Creates a sparse disk image of <paramref name="bytes"/> and partitions it with the sfdisk <paramref name="script"/>.</summary>
    public static void CreatePartitioned(string diskPath, long bytes, string script)
    {
        using (var file = File.Create(diskPath))
        {
            file.SetLength(bytes);
        }
        Tools.RunWithInput("sfdisk", script, "--no-reread", "--no-tell-kernel", "-q", diskPath);
    }

    /// <summary>Copies <paramref name="imagePath"/> into <paramref name="diskPath"/> at <paramref name="offset"/> (like dd conv=notrunc).</summary>
    public static void CopyInto(string diskPath, string imagePath, long offset)
    {
        using var disk = new FileStream(diskPath, FileMode.Open, FileAccess.Write);
        using var image = File.OpenRead(imagePath);
        var buffer = new byte[1 << 20];
        for (long at = 0; ; at += buffer.Length)
        {
            var read = image.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                return;
            }
            // The disk was created sparse, so all-zero blocks are skipped (multi-hundred-MiB XFS images stay cheap).
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                disk.Position = offset + at;
                disk.Write(buffer, 0, read);
            }
        }
    }

    /// <summary>Writes <paramref name="bytes"/> into <paramref name="diskPath"/> at <paramref name="offset"/>.</summary>
    public static void WriteAt(string diskPath, long offset, ReadOnlySpan<byte> bytes)
    {
        using var disk = new FileStream(diskPath, FileMode.Open, FileAccess.Write);
        disk.Position = offset;
        disk.Write(bytes);
    }
}
