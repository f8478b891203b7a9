using System.Text.Json;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// Turns the block index of a finished capture into a manifest in one streaming pass: zero blocks merge into zero
/// extents, the JSON goes to a temporary file and the extents to a file-backed list, so memory does not depend on the
/// image size.
/// </summary>
internal static class ManifestBuilder
{
    private const int RecordsPerRead = 4096;

    /// <summary>
    /// Builds the manifest of generation <paramref name="generationId"/> for an image of <paramref name="imageSize"/>
    /// bytes and writes its JSON (as <see cref="ManifestSerializer.ToUtf8Json"/> would) to <paramref name="json"/>.
    /// </summary>
    public static ImageManifest Build(string generationId, CaptureOptions options, BlockIndexFile index, long imageSize, CaptureCounters counters, Stream json)
    {
        using var extents = new FileBackedExtentList.Writer();
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = ManifestJsonContext.Default.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteNumber("formatVersion", ImageFormat.Version);
        writer.WriteString("generationId", generationId);
        writer.WriteNumber("imageSize", imageSize);
        writer.WriteNumber("chunkSize", options.ChunkSize);
        writer.WriteStartArray("extents");
        long zeroBytes = 0, dataChunks = 0, zeroStart = -1, zeroLength = 0;
        void FlushZeros()
        {
            if (zeroStart >= 0)
            {
                WriteExtent(writer, zeroStart, zeroLength, default);
                zeroStart = -1;
            }
        }
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
                    FlushZeros();
                    dataChunks++;
                    extents.AddData(offset, length, id);
                    WriteExtent(writer, offset, length, id);
                    continue;
                }
                zeroBytes += length;
                extents.AddZeros(offset, length);
                if (zeroStart < 0)
                {
                    zeroStart = offset;
                    zeroLength = 0;
                }
                zeroLength += length;
            }
            first += count;
            writer.Flush();
        }
        FlushZeros();
        writer.WriteEndArray();
        var totals = new CaptureTotals(imageSize, dataChunks, counters.NewChunks, counters.NewBytesStored, zeroBytes);
        writer.WritePropertyName("source");
        JsonSerializer.Serialize(writer, options.Source, ManifestJsonContext.Default.SourceMetadata);
        writer.WritePropertyName("totals");
        JsonSerializer.Serialize(writer, totals, ManifestJsonContext.Default.CaptureTotals);
        writer.WriteEndObject();
        writer.Flush();
        return new ImageManifest(ImageFormat.Version, generationId, imageSize, options.ChunkSize, extents.Complete(), options.Source, totals);
    }

    private static void WriteExtent(Utf8JsonWriter writer, long offset, long length, ReadOnlySpan<byte> id)
    {
        writer.WriteStartObject();
        writer.WriteNumber("offset", offset);
        writer.WriteNumber("length", length);
        if (!id.IsEmpty)
        {
            Span<char> hex = stackalloc char[ChunkHash.IdLength];
            Convert.TryToHexStringLower(id, hex, out _);
            writer.WriteString("chunkId", hex);
        }
        writer.WriteEndObject();
    }
}
