namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>Writes the directory trees that fixtures are built from with mke2fs -d: text and random files, links, modes, an empty file, deep nesting.</summary>
internal static class SourceTree
{
    /// <summary>The standard tree (about 3 MiB) used by most fixtures.</summary>
    public static void WriteStandard(string root, int seed)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var", "www", "html"));
        Directory.CreateDirectory(Path.Combine(root, "deep", "a", "b", "c", "d", "e"));
        File.WriteAllText(Path.Combine(root, "etc", "hosts"), "127.0.0.1 localhost\n10.0.0.5 web01\n");
        File.WriteAllText(Path.Combine(root, "etc", "motd"), string.Concat(Enumerable.Repeat("Welcome to the restored server.\n", 300)));
        File.WriteAllText(Path.Combine(root, "etc", "shadow"), "root:!:19000::::::\n");
        File.SetUnixFileMode(Path.Combine(root, "etc", "shadow"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(Path.Combine(root, "empty"), []);
        File.WriteAllText(Path.Combine(root, "var", "www", "html", "index.html"), "<html><body>hello</body></html>\n");
        foreach (var (name, size) in new[] { ("small.bin", 5000), ("one-mib.bin", 1 << 20), ("odd.bin", (3 << 20) + 77) })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(root, "var", "www", name), bytes);
        }
        File.WriteAllText(Path.Combine(root, "deep", "a", "b", "c", "d", "e", "leaf.txt"), "deep leaf\n");
        File.CreateSymbolicLink(Path.Combine(root, "etc", "localtime"), "/usr/share/zoneinfo/Asia/Tokyo");
        File.CreateSymbolicLink(Path.Combine(root, "var", "www", "current"), "html");
        File.CreateSymbolicLink(Path.Combine(root, "var", "www", "long-link"), "../" + string.Concat(Enumerable.Repeat("very-long-directory-name/", 6)) + "target");
        File.CreateSymbolicLink(Path.Combine(root, "escape"), "../../../../etc/passwd");
        Directory.SetLastWriteTimeUtc(Path.Combine(root, "var", "www", "html"), new DateTime(2020, 2, 29, 12, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(root, "etc", "hosts"), new DateTime(2019, 7, 1, 8, 30, 15, DateTimeKind.Utc));
    }

    /// <summary>A directory with <paramref name="count"/> small files (for htree and listing-speed fixtures).</summary>
    public static void WriteManyFiles(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        for (var index = 0; index < count; index++)
        {
            File.WriteAllText(Path.Combine(directory, $"file-{index:D5}.txt"), $"entry {index}\n");
        }
    }
}
