using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;

namespace ImageBackup.Imaging.Capture;

/// <summary>Turns the ordered blocks of a finished capture into a manifest, merging zero blocks into single zero extents.</summary>
internal static class ManifestBuilder
{
    /// <summary>Builds the manifest of generation <paramref name="generationId"/>.</summary>
    public static ImageManifest Build(string generationId, CaptureOptions options, IReadOnlyList<CaptureBlock> blocks, CaptureCounters counters)
    {
        var extents = new List<ChunkExtent>(blocks.Count);
        long size = 0, zeroBytes = 0, dataChunks = 0;
        foreach (var block in blocks)
        {
            size += block.Length;
            if (block.ChunkId is not null)
            {
                dataChunks++;
                extents.Add(new ChunkExtent(block.Offset, block.Length, block.ChunkId));
                continue;
            }
            zeroBytes += block.Length;
            if (extents.Count > 0 && extents[^1].IsZero)
            {
                extents[^1] = extents[^1] with { Length = extents[^1].Length + block.Length };
            }
            else
            {
                extents.Add(new ChunkExtent(block.Offset, block.Length, null));
            }
        }
        var totals = new CaptureTotals(size, dataChunks, counters.NewChunks, counters.NewBytesStored, zeroBytes);
        return new ImageManifest(ImageFormat.Version, generationId, size, options.ChunkSize, extents, options.Source, totals);
    }
}
