using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.Restore;

/// <summary>
/// Rebuilds the image of a generation byte for byte. Every chunk is re-hashed before it is written; a file target is
/// written to "&lt;target&gt;.partial" (sparse over zero extents) and renamed only when complete, so a failed restore
/// never leaves a silently wrong file. A device target (under /dev/) is written in place, zero extents included,
/// and flushed to disk before success is reported.
/// </summary>
public sealed class ImageRestorer(IChunkStore store)
{
    /// <summary>Suffix of the file a restore writes before renaming it to the target.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Restores generation <paramref name="generationId"/> to <paramref name="targetPath"/> and returns its manifest.</summary>
    public async Task<ImageManifest> RestoreAsync(string generationId, string targetPath, RestoreOptions options, CancellationToken cancellationToken = default)
    {
        var manifest = await ManifestReader.ReadStreamingAsync(store, generationId, cancellationToken);
        if (IsDevice(targetPath))
        {
            using var device = OpenTarget(targetPath, FileMode.Open, FileAccess.Write);
            await WriteAllAsync(manifest, device, targetPath, writeZeros: true, options, cancellationToken);
            RandomAccess.FlushToDisk(device);
            return manifest;
        }
        var partial = targetPath + PartialSuffix;
        try
        {
            using (var file = OpenTarget(partial, FileMode.Create, FileAccess.ReadWrite))
            {
                SetLength(file, partial, manifest.ImageSize);
                await WriteAllAsync(manifest, file, partial, writeZeros: false, options, cancellationToken);
                if (options.FlushFileToDisk)
                {
                    RandomAccess.FlushToDisk(file);
                }
            }
            File.Move(partial, targetPath, overwrite: true);
            return manifest;
        }
        catch
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
            throw;
        }
    }

    private static bool IsDevice(string path) =>
        Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal) && File.Exists(path);

    private static SafeFileHandle OpenTarget(string path, FileMode mode, FileAccess access)
    {
        try
        {
            return File.OpenHandle(path, mode, access, FileShare.None, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TargetWriteException(path, 0, e);
        }
    }

    private static void SetLength(SafeFileHandle file, string path, long length)
    {
        try
        {
            RandomAccess.SetLength(file, length);
        }
        catch (IOException e)
        {
            throw new TargetWriteException(path, 0, e);
        }
    }

    private async Task WriteAllAsync(ImageManifest manifest, SafeFileHandle target, string targetName, bool writeZeros, RestoreOptions options, CancellationToken cancellationToken)
    {
        using var reader = new VerifiedChunkReader(store, manifest.ChunkSize);
        using var restore = new WindowedRestore(manifest, target, targetName, writeZeros, options);
        await restore.RunAsync(reader, cancellationToken);
    }
}
