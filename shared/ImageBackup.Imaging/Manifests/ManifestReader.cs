using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Manifests;

/// <summary>Loads and validates the manifest of a generation from a store, so restore and verify reject bad ids and bad manifests the same way.</summary>
public static class ManifestReader
{
    /// <summary>Returns the manifest of <paramref name="generationId"/>; throws <see cref="GenerationNotFoundException"/> or <see cref="InvalidDataException"/>.</summary>
    public static async Task<ImageManifest> ReadAsync(IChunkStore store, string generationId, CancellationToken cancellationToken)
    {
        if (!GenerationId.IsValid(generationId))
        {
            throw new GenerationNotFoundException(generationId, "not a valid generation id (expected yyyyMMddTHHmmssZ-xxxxxxxx)");
        }
        var manifest = ManifestSerializer.Parse(await store.GetManifestAsync(generationId, cancellationToken));
        if (manifest.GenerationId != generationId)
        {
            throw new InvalidDataException($"manifest {generationId} names generation {manifest.GenerationId}");
        }
        return manifest;
    }

    /// <summary>
    /// Like <see cref="ReadAsync"/>, but parses the manifest as a stream into a file-backed extent list, so memory does
    /// not grow with the image (restore and verify of multi-terabyte generations).
    /// </summary>
    public static async Task<ImageManifest> ReadStreamingAsync(IChunkStore store, string generationId, CancellationToken cancellationToken)
    {
        if (!GenerationId.IsValid(generationId))
        {
            throw new GenerationNotFoundException(generationId, "not a valid generation id (expected yyyyMMddTHHmmssZ-xxxxxxxx)");
        }
        await using var json = await store.OpenManifestAsync(generationId, cancellationToken);
        var manifest = await ManifestStreamParser.ParseAsync(json, cancellationToken);
        if (manifest.GenerationId != generationId)
        {
            throw new InvalidDataException($"manifest {generationId} names generation {manifest.GenerationId}");
        }
        return manifest;
    }
}
