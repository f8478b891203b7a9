using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Tests.Support;

/// <summary>Reads what a local chunk store holds on disk, so tests count real chunk files rather than trusting the store's own answers.</summary>
internal static class Stores
{
    public static LocalDirectoryChunkStore Local(TemporaryFolder folder) => new(folder.File("store"), create: true);

    public static string[] ChunkFiles(string storeRoot) =>
        Directory.Exists(Path.Combine(storeRoot, "chunks"))
            ? Directory.EnumerateFiles(Path.Combine(storeRoot, "chunks"), "*", SearchOption.AllDirectories)
                .Where(path => Path.GetFileName(path).Length == 64 && !Path.GetFileName(path).StartsWith('.'))
                .ToArray()
            : [];
}
