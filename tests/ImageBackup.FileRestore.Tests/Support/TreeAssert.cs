using ImageBackup.FileRestore.FileSystems;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>Compares a file system read by our reader with a directory written by an independent tool (debugfs rdump) or the fixture's source.</summary>
internal static class TreeAssert
{
    /// <summary>Asserts equal names, kinds, file bytes and link targets throughout; returns the number of files compared.</summary>
    public static int SameContent(IReadOnlyFileSystem fileSystem, string directory, bool compareMetadata = false)
    {
        return Compare(fileSystem, fileSystem.Root, directory, "/", compareMetadata, isRoot: true);
    }

    /// <summary>Extracts the whole file system with <c>debugfs -R "rdump / dir"</c> into <paramref name="into"/>.</summary>
    public static string DebugfsDump(string fileSystemImage, string into)
    {
        Directory.CreateDirectory(into);
        Tools.RunSuccessfully("debugfs", "-R", $"rdump / {into}", fileSystemImage);
        return into;
    }

    private static int Compare(IReadOnlyFileSystem fileSystem, FileEntry directory, string local, string path, bool compareMetadata, bool isRoot)
    {
        var ours = fileSystem.List(directory).Where(e => !(isRoot && e.Name == "lost+found" && !Directory.Exists(Path.Combine(local, "lost+found")))).ToList();
        var theirs = Directory.EnumerateFileSystemEntries(local).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(theirs, ours.Select(e => e.Name).Order(StringComparer.Ordinal).ToList(), $"entries of {path}");
        var files = 0;
        foreach (var entry in ours)
        {
            var localPath = Path.Combine(local, entry.Name);
            var entryPath = path + entry.Name;
            var info = new FileInfo(localPath);
            if (info.LinkTarget is not null)
            {
                Assert.AreEqual(FileEntryKind.Symlink, entry.Kind, entryPath);
                Assert.AreEqual(info.LinkTarget, fileSystem.ReadLinkTarget(entry), entryPath);
                continue;
            }
            if (Directory.Exists(localPath))
            {
                Assert.AreEqual(FileEntryKind.Directory, entry.Kind, entryPath);
                files += Compare(fileSystem, entry, localPath, entryPath + "/", compareMetadata, isRoot: false);
            }
            else
            {
                Assert.AreEqual(FileEntryKind.File, entry.Kind, entryPath);
                Assert.AreEqual(info.Length, entry.Size, entryPath);
                AssertSameBytes(fileSystem, entry, localPath, entryPath);
                files++;
            }
            if (compareMetadata)
            {
                var lastWrite = Directory.Exists(localPath) ? Directory.GetLastWriteTimeUtc(localPath) : File.GetLastWriteTimeUtc(localPath);
                Assert.AreEqual(new DateTimeOffset(lastWrite).ToUnixTimeSeconds(), entry.ModifiedAt.ToUnixTimeSeconds(), $"mtime of {entryPath}");
                Assert.AreEqual((int)File.GetUnixFileMode(localPath), entry.UnixMode, $"mode of {entryPath}");
            }
        }
        return files;
    }

    private static void AssertSameBytes(IReadOnlyFileSystem fileSystem, FileEntry entry, string localPath, string entryPath)
    {
        using var ours = fileSystem.OpenRead(entry);
        using var theirs = File.OpenRead(localPath);
        var a = new byte[1 << 20];
        var b = new byte[1 << 20];
        long offset = 0;
        while (true)
        {
            var readA = ReadFull(ours, a);
            var readB = ReadFull(theirs, b);
            Assert.AreEqual(readB, readA, $"{entryPath}: length differs near offset {offset}");
            if (!a.AsSpan(0, readA).SequenceEqual(b.AsSpan(0, readB)))
            {
                Assert.Fail($"{entryPath}: bytes differ in the MiB at offset {offset}");
            }
            if (readA == 0)
            {
                return;
            }
            offset += readA;
        }
    }

    private static int ReadFull(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
