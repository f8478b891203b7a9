using System.Text.Json;
using ImageBackup.Imaging.Format;

namespace ImageBackup.Imaging.Manifests;

/// <summary>Reads and writes manifest JSON and checks it is complete, so a restore never trusts a malformed manifest.</summary>
public static class ManifestSerializer
{
    /// <summary>Serializes <paramref name="manifest"/> to UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(ImageManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.ImageManifest);

    /// <summary>Parses and validates a manifest; throws <see cref="InvalidDataException"/> when it is unusable.</summary>
    public static ImageManifest Parse(ReadOnlySpan<byte> utf8Json)
    {
        ImageManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(utf8Json, ManifestJsonContext.Default.ImageManifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("manifest is not valid JSON: " + e.Message, e);
        }
        if (manifest is null)
        {
            throw new InvalidDataException("manifest is empty");
        }
        Validate(manifest);
        return manifest;
    }

    private static void Validate(ImageManifest manifest)
    {
        if (manifest.FormatVersion > ImageFormat.Version)
        {
            throw new InvalidDataException($"manifest format version {manifest.FormatVersion} is newer than this tool ({ImageFormat.Version})");
        }
        long next = 0;
        foreach (var extent in manifest.Extents)
        {
            if (extent.Offset != next || extent.Length <= 0
                || (extent.ChunkId is not null && (!ChunkHash.IsValidId(extent.ChunkId) || extent.Length > manifest.ChunkSize)))
            {
                throw new InvalidDataException($"manifest extent at offset {extent.Offset} is invalid");
            }
            next = extent.End();
        }
        if (next != manifest.ImageSize)
        {
            throw new InvalidDataException("manifest extents do not cover the image size");
        }
    }

    private static long End(this ChunkExtent extent) => extent.Offset + extent.Length;
}
