namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>
/// The source directory tree the XFS and NTFS fixtures are built from (seeded, so every run builds the same bytes):
/// small and multi-block files, an empty file, directories sized for short-form, block, leaf and node formats (the
/// last with 10,000 entries), and fast and remote symbolic links. The tree itself is the oracle for file contents.
/// </summary>
internal static class FixtureTree
{
    public const int NodeDirectoryEntries = 10_000;

    /// <summary>
    /// A target too long for the inode on v4 (a remote symlink). On v5 mkfs.xfs 6.1 writes remote symlink blocks
    /// without their XSLM header (xfs_repair rejects them), so the v5 fixture uses a 253-byte target, still inline.
    /// </summary>
    public static string LongLinkTarget(int xfsVersion) => string.Concat(Enumerable.Repeat("a/", xfsVersion == 4 ? 300 : 125)) + "end";

    /// <summary>Writes the tree under <paramref name="root"/> (created) and returns it.</summary>
    public static string Build(string root, string? longLinkTarget)
    {
        Directory.CreateDirectory(root);
        var random = new Random(20261125);
        File.WriteAllText(Path.Combine(root, "hello.txt"), "hello, file restore\n");
        File.WriteAllBytes(Path.Combine(root, "empty"), []);
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        File.WriteAllBytes(Path.Combine(data, "random-1m.bin"), RandomBytes(random, 1 << 20));
        File.WriteAllBytes(Path.Combine(data, "random-300k.bin"), RandomBytes(random, 300_001));
        File.WriteAllText(Path.Combine(data, "text-5100.txt"), string.Concat(Enumerable.Repeat("0123456789abcdef\n", 300)));

        var shortDirectory = Directory.CreateDirectory(Path.Combine(root, "shortdir")).FullName;
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt" })
        {
            File.WriteAllText(Path.Combine(shortDirectory, name), $"short {name}\n");
        }

        FillDirectory(Path.Combine(root, "blockdir"), "block-entry-", 40);
        FillDirectory(Path.Combine(root, "leafdir"), "leaf-entry-", 300);
        FillDirectory(Path.Combine(root, "nodedir"), "entry-with-a-longish-name-", NodeDirectoryEntries);

        if (longLinkTarget is not null)
        {
            File.CreateSymbolicLink(Path.Combine(root, "fast-link"), "hello.txt");
            File.CreateSymbolicLink(Path.Combine(root, "long-link"), longLinkTarget);
        }

        return root;
    }

    private static void FillDirectory(string directory, string prefix, int count)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"{prefix}{i:D5}"), (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
