using System.Security.Cryptography;
using ImageBackup.FileRestore.FileSystems;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>A file system as lines of path, kind, size and content hash, so two readings of the same tree compare in one assertion.</summary>
internal static class FileTreeSnapshot
{
    /// <summary>Every path with its kind, size and content hash (or link target), in walk order.</summary>
    public static List<string> Of(IReadOnlyFileSystem fileSystem)
    {
        var lines = new List<string>();
        void Walk(FileEntry directory, string prefix)
        {
            foreach (var entry in fileSystem.List(directory).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = prefix + entry.Name;
                var detail = entry.Kind switch
                {
                    FileEntryKind.File => Convert.ToHexString(SHA256.HashData(fileSystem.OpenRead(entry))),
                    FileEntryKind.Symlink => fileSystem.ReadLinkTarget(entry),
                    _ => "",
                };
                lines.Add($"{entry.Kind} {path} {entry.Size} {detail}");
                if (entry.Kind == FileEntryKind.Directory)
                {
                    Walk(entry, path + "/");
                }
            }
        }
        Walk(fileSystem.Root, "/");
        return lines;
    }
}
