using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;

namespace ImageBackup.Imaging.Capture;

/// <summary>Turns the block index of a finished capture into a manifest, streaming the index and merging zero blocks into single zero extents.</summary>
internal static class ManifestBuilder
{
    private const int RecordsPerRead = 4096;

    /// <summary>Builds the manifest of generation <paramref name="generationId"/> for an image of <paramref name="imageSize"/> bytes.</summary>
    public static ImageManifest Build(string generationId, CaptureOptions options, BlockIndexFile index, long imageSize, CaptureCounters counters)
    {
        var extents = new List<ChunkExtent>();
        long zeroBytes = 0, dataChunks = 0;
        var records = new byte[RecordsPerRead * BlockIndexFile.RecordSize];
        for (long first = 0; first < index.BlockCount;)
        {
            var count = index.ReadRecords(first, records);
            for (var i = 0; i < count; i++)
            {
                var offset = (first + i) * options.ChunkSize;
                var length = Math.Min(options.ChunkSize, imageSize - offset);
                var id = records.AsSpan(i * BlockIndexFile.RecordSize + BlockIndexFile.FingerprintSize, BlockIndexFile.IdSize);
                if (id.IndexOfAnyExcept((byte)0) >= 0)
                {
                    dataChunks++;
                    extents.Add(new ChunkExtent(offset, length, Convert.ToHexStringLower(id)));
                    continue;
                }
                zeroBytes += length;
                if (extents.Count > 0 && extents[^1].IsZero)
                {
                    extents[^1] = extents[^1] with { Length = extents[^1].Length + length };
                }
                else
                {
                    extents.Add(new ChunkExtent(offset, length, null));
                }
            }
            first += count;
        }
        var totals = new CaptureTotals(imageSize, dataChunks, counters.NewChunks, counters.NewBytesStored, zeroBytes);
        return new ImageManifest(ImageFormat.Version, generationId, imageSize, options.ChunkSize, extents, options.Source, totals);
    }
}
