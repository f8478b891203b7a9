using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Paths;

/// <summary>Walks a path from the root of a file system one directory at a time and never follows symbolic links, so a link in the image cannot redirect a lookup.</summary>
public static class PathResolver
{
    /// <summary>The entry at <paramref name="components"/>; throws <see cref="VolumeNotFoundException"/> when a name is missing or a parent is not a directory.</summary>
    public static FileEntry Resolve(IReadOnlyFileSystem fileSystem, IReadOnlyList<string> components)
    {
        var current = fileSystem.Root;
        var walked = "";
        foreach (var name in components)
        {
            if (current.Kind == FileEntryKind.Symlink)
            {
                throw new VolumeNotFoundException($"/{walked} is a symbolic link; links are not followed (name its target instead)");
            }
            if (current.Kind != FileEntryKind.Directory)
            {
                throw new VolumeNotFoundException($"/{walked} is not a directory");
            }
            var match = fileSystem is IDirectoryLookup lookup
                ? lookup.Find(current, name)
                : fileSystem.List(current).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
            if (match is null && fileSystem.Kind == "ntfs")
            {
                match = fileSystem.List(current).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            }
            walked = walked.Length == 0 ? name : $"{walked}/{name}";
            current = match ?? throw new VolumeNotFoundException($"/{walked} does not exist");
        }
        return current;
    }
}
