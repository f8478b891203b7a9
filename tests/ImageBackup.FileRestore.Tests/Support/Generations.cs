using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>Captures fixture disks into a local chunk store with the real <see cref="ImageCapturer"/>, so generation reads are tested end to end.</summary>
internal static class Generations
{
    public const int ChunkSize = 64 << 10;

    public static async Task<(LocalDirectoryChunkStore Store, ImageManifest Manifest)> CaptureAsync(string diskPath, string storeDirectory)
    {
        var store = new LocalDirectoryChunkStore(storeDirectory, create: true);
        await using var source = File.OpenRead(diskPath);
        var options = new CaptureOptions
        {
            Source = new SourceMetadata("web01", "RHEL 6", diskPath, DateTimeOffset.UtcNow, "tests"),
            Parallelism = 2,
            ChunkSize = ChunkSize,
        };
        var manifest = await new ImageCapturer(store).CaptureAsync(source, options);
        return (store, manifest);
    }
}
