using ImageBackup.FileRestore.FileSystems;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>Compares a file system read by our code with the source tree it was built from: names, kinds, bytes and link targets.</summary>
internal static class TreeAssert
{
    /// <summary>Walks both trees and fails on the first difference; returns the number of entries compared.</summary>
    public static int MatchesSource(IReadOnlyFileSystem fileSystem, FileEntry directory, string sourceDirectory, ISet<string> ignoredNames, Func<string, string>? linkTarget = null)
    {
        var entries = fileSystem.List(directory).Where(e => !ignoredNames.Contains(e.Name)).ToList();
        var source = new DirectoryInfo(sourceDirectory).EnumerateFileSystemInfos().ToDictionary(e => e.Name, StringComparer.Ordinal);
        CollectionAssert.AreEquivalent(source.Keys.ToList(), entries.Select(e => e.Name).ToList(), $"names in {sourceDirectory}");
        var compared = 0;
        foreach (var entry in entries)
        {
            var expected = source[entry.Name];
            compared++;
            if (expected.LinkTarget is { } target)
            {
                Assert.AreEqual(FileEntryKind.Symlink, entry.Kind, expected.FullName);
                Assert.AreEqual(linkTarget is null ? target : linkTarget(target), fileSystem.ReadLinkTarget(entry), expected.FullName);
            }
            else if (expected is DirectoryInfo)
            {
                Assert.AreEqual(FileEntryKind.Directory, entry.Kind, expected.FullName);
                compared += MatchesSource(fileSystem, entry, expected.FullName, ignoredNames, linkTarget);
            }
            else
            {
                Assert.AreEqual(FileEntryKind.File, entry.Kind, expected.FullName);
                var bytes = File.ReadAllBytes(expected.FullName);
                Assert.AreEqual(bytes.LongLength, entry.Size, expected.FullName);
                using var stream = fileSystem.OpenRead(entry);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                CollectionAssert.AreEqual(bytes, copy.ToArray(), expected.FullName);
            }
        }

        return compared;
    }
}
