using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Restore;

/// <summary>
/// Writes files, directories and symlinks from an image file system under a target directory. It never writes
/// outside the target: every name is checked (<see cref="SafeName"/>), files are created with O_EXCL (a link in
/// their place makes the create fail instead of being followed), existing entries are replaced only with
/// <see cref="FileRestoreOptions.Overwrite"/> and then by unlinking them, links from the image are recreated as links
/// and never followed, and directory loops or excessive depth end as <see cref="CorruptImageException"/>.
/// </summary>
public sealed class FileRestorer(FileRestoreOptions? options = null)
{
    private const UnixFileMode RestorableModeBits = (UnixFileMode)0x3FF;
    private readonly FileRestoreOptions options = options ?? new FileRestoreOptions();

    /// <summary>Restores <paramref name="entry"/> (named after its last path component) into <paramref name="targetDirectory"/>.</summary>
    public FileRestoreReport Restore(IReadOnlyFileSystem fileSystem, FileEntry entry, string targetDirectory, CancellationToken cancellationToken = default)
    {
        var report = new FileRestoreReport();
        Restore(fileSystem, entry, entry.Name.Length == 0 ? "root" : entry.Name, targetDirectory, report, cancellationToken);
        return report;
    }

    /// <summary>Restores <paramref name="entry"/> as <paramref name="localName"/> inside <paramref name="targetDirectory"/>, adding to <paramref name="report"/>.</summary>
    public void Restore(IReadOnlyFileSystem fileSystem, FileEntry entry, string localName, string targetDirectory, FileRestoreReport report, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(targetDirectory);
        if (!Directory.Exists(target))
        {
            throw new DirectoryNotFoundException($"restore target {target} does not exist");
        }
        RestoreEntry(fileSystem, entry, localName, target, 0, new HashSet<ulong>(), report, cancellationToken);
    }

    private void RestoreEntry(IReadOnlyFileSystem fileSystem, FileEntry entry, string name, string parent, int depth, HashSet<ulong> directoriesSeen,
        FileRestoreReport report, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SafeName.Check(name);
        var path = Path.Join(parent, name);
        if (!string.Equals(Path.GetDirectoryName(path), parent, StringComparison.Ordinal))
        {
            throw new CorruptImageException($"'{name}' would leave its directory");
        }
        switch (entry.Kind)
        {
            case FileEntryKind.Directory:
                RestoreDirectory(fileSystem, entry, path, depth, directoriesSeen, report, cancellationToken);
                break;
            case FileEntryKind.File:
                RestoreFile(fileSystem, entry, path, report, cancellationToken);
                break;
            case FileEntryKind.Symlink:
                RestoreSymlink(fileSystem, entry, path, report);
                break;
            default:
                report.Skipped.Add($"{path}: special file (device, FIFO or socket) not restored");
                break;
        }
    }

    private void RestoreDirectory(IReadOnlyFileSystem fileSystem, FileEntry entry, string path, int depth, HashSet<ulong> directoriesSeen,
        FileRestoreReport report, CancellationToken cancellationToken)
    {
        if (depth >= options.MaxDepth)
        {
            throw new CorruptImageException($"directories nested deeper than {options.MaxDepth} levels at {path}");
        }
        if (!directoriesSeen.Add(entry.NodeId))
        {
            throw new CorruptImageException($"directory node {entry.NodeId} appears twice (a directory loop) at {path}");
        }
        var existing = LocalEntry.Inspect(path);
        if (existing == LocalEntryKind.Directory)
        {
            if (!options.Overwrite)
            {
                throw new TargetExistsException(path);
            }
        }
        else
        {
            if (existing != LocalEntryKind.None)
            {
                RemoveForOverwrite(path, existing);
            }
            Directory.CreateDirectory(path);
            if (LocalEntry.Inspect(path) != LocalEntryKind.Directory)
            {
                throw new IOException($"{path} is not a directory after creating it");
            }
        }
        report.Directories++;
        foreach (var child in fileSystem.List(entry))
        {
            RestoreEntry(fileSystem, child, child.Name, path, depth + 1, directoriesSeen, report, cancellationToken);
        }
        ApplyMetadata(path, entry);
    }

    private void RestoreFile(IReadOnlyFileSystem fileSystem, FileEntry entry, string path, FileRestoreReport report, CancellationToken cancellationToken)
    {
        var existing = LocalEntry.Inspect(path);
        if (existing != LocalEntryKind.None)
        {
            RemoveForOverwrite(path, existing);
        }
        using (var source = fileSystem.OpenRead(entry))
        using (var target = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 }))
        {
            var buffer = new byte[options.BufferSize];
            long written = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (source is IHoleAwareStream holes)
                {
                    var next = Math.Min(holes.NextDataOffset(written), source.Length);
                    if (next > written)
                    {
                        source.Position = next;
                        target.Seek(next - written, SeekOrigin.Current);
                        written = next;
                        continue;
                    }
                }
                var read = source.Read(buffer, 0, buffer.Length);
                if (read == 0)
                {
                    break;
                }
                if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
                {
                    target.Write(buffer, 0, read);
                }
                else
                {
                    target.Seek(read, SeekOrigin.Current);
                }
                written += read;
            }
            target.SetLength(written);
            report.Bytes += written;
        }
        report.Files++;
        ApplyMetadata(path, entry);
    }

    private void RestoreSymlink(IReadOnlyFileSystem fileSystem, FileEntry entry, string path, FileRestoreReport report)
    {
        var linkTarget = fileSystem.ReadLinkTarget(entry);
        if (linkTarget.Length == 0 || linkTarget.Contains('\0', StringComparison.Ordinal))
        {
            throw new CorruptImageException($"symbolic link {path} has an empty or NUL-containing target");
        }
        var existing = LocalEntry.Inspect(path);
        if (existing != LocalEntryKind.None)
        {
            RemoveForOverwrite(path, existing);
        }
        File.CreateSymbolicLink(path, linkTarget);
        report.Symlinks++;
    }

    private void RemoveForOverwrite(string path, LocalEntryKind existing)
    {
        if (!options.Overwrite)
        {
            throw new TargetExistsException(path);
        }
        if (existing == LocalEntryKind.Directory)
        {
            throw new TargetExistsException(path + " (a directory, which is never replaced by a file or link)");
        }
        File.Delete(path);
    }

    private static void ApplyMetadata(string path, FileEntry entry)
    {
        if (entry.UnixMode is { } mode && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)mode & RestorableModeBits);
        }
        var modified = entry.ModifiedAt.UtcDateTime;
        if (modified > DateTime.UnixEpoch.AddYears(-69))
        {
            if (Directory.Exists(path))
            {
                Directory.SetLastWriteTimeUtc(path, modified);
            }
            else
            {
                File.SetLastWriteTimeUtc(path, modified);
            }
        }
    }
}
