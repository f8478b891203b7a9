using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Tests.Support;

/// <summary>Runs the public capture and restore API the way the agent does, so tests stay short.</summary>
internal static class Pipeline
{
    /// <summary>Capture options with 1 MiB chunks, the unit the tests' image layouts are written in.</summary>
    public static CaptureOptions Options(string sourcePath, int parallelism = 2) => new()
    {
        Source = new SourceMetadata("test-host", "Linux", sourcePath, DateTimeOffset.UtcNow, "tests"),
        Parallelism = parallelism,
        ChunkSize = TestImage.MiB,
    };

    public static async Task<ImageManifest> CaptureAsync(IChunkStore store, string imagePath, CaptureOptions? options = null)
    {
        await using var source = System.IO.File.OpenRead(imagePath);
        return await new ImageCapturer(store).CaptureAsync(source, options ?? Options(imagePath));
    }

    public static Task<ImageManifest> RestoreAsync(IChunkStore store, string generationId, string targetPath) =>
        new ImageRestorer(store).RestoreAsync(generationId, targetPath, new RestoreOptions { Parallelism = 2 });
}
