using System.Text.Json;
using ImageBackup.Imaging.Format;

namespace ImageBackup.Imaging.Manifests;

/// <summary>
/// Parses and validates manifest JSON from a stream one extent at a time into a file-backed extent list, so restoring
/// a multi-terabyte generation does not hold its manifest (hundreds of MB of JSON, millions of extents) in memory.
/// Accepts exactly what <see cref="ManifestSerializer.Parse"/> accepts and applies the same checks.
/// </summary>
internal static class ManifestStreamParser
{
    private enum Phase
    {
        Start,
        TopLevel,
        Extents,
        Done,
    }

    /// <summary>Reads <paramref name="utf8Json"/> to its end and returns the validated manifest; throws <see cref="InvalidDataException"/>.</summary>
    public static async Task<ImageManifest> ParseAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        var parser = new Parser();
        var buffer = new byte[1 << 16];
        var length = 0;
        var final = false;
        var state = new JsonReaderState();
        try
        {
            while (true)
            {
                var read = await utf8Json.ReadAsync(buffer.AsMemory(length), cancellationToken);
                final = read == 0;
                length += read;
                var consumed = parser.Consume(buffer.AsSpan(0, length), final, ref state);
                if (parser.Done)
                {
                    return parser.Finish();
                }
                if (final)
                {
                    throw new InvalidDataException("manifest is not valid JSON: it ends early");
                }
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("manifest is not valid JSON: " + e.Message, e);
        }
        finally
        {
            parser.Dispose();
        }
    }

    private sealed class Parser : IDisposable
    {
        private readonly FileBackedExtentList.Writer extents = new();
        private Phase phase = Phase.Start;
        private int formatVersion;
        private string? generationId;
        private long imageSize;
        private int chunkSize;
        private SourceMetadata? source;
        private CaptureTotals? totals;
        private bool sawExtents;
        private long next;
        private long? firstTooLong;

        public bool Done => phase == Phase.Done;

        /// <summary>Consumes whole units (a top-level property, one extent) from <paramref name="data"/>; returns the bytes consumed.</summary>
        public int Consume(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
        {
            var reader = new Utf8JsonReader(data, final, state);
            while (phase != Phase.Done)
            {
                var checkpoint = reader;
                if (!TryUnit(ref reader))
                {
                    reader = checkpoint;
                    break;
                }
            }
            state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }

        public ImageManifest Finish()
        {
            if (generationId is null || source is null || totals is null || !sawExtents)
            {
                throw new InvalidDataException("manifest is incomplete");
            }
            if (formatVersion > ImageFormat.Version)
            {
                throw new InvalidDataException($"manifest format version {formatVersion} is newer than this tool ({ImageFormat.Version})");
            }
            if (firstTooLong is { } offset)
            {
                throw new InvalidDataException($"manifest extent at offset {offset} is invalid");
            }
            if (next != imageSize)
            {
                throw new InvalidDataException("manifest extents do not cover the image size");
            }
            return new ImageManifest(formatVersion, generationId, imageSize, chunkSize, extents.Complete(), source, totals);
        }

        public void Dispose() => extents.Dispose();

        private bool TryUnit(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                return false;
            }
            switch (phase)
            {
                case Phase.Start:
                    Expect(reader, JsonTokenType.StartObject);
                    phase = Phase.TopLevel;
                    return true;
                case Phase.Extents when reader.TokenType == JsonTokenType.EndArray:
                    phase = Phase.TopLevel;
                    return true;
                case Phase.Extents:
                    Expect(reader, JsonTokenType.StartObject);
                    var probe = reader;
                    if (!probe.TrySkip())
                    {
                        return false;
                    }
                    ReadExtent(ref reader);
                    return true;
                default:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        phase = Phase.Done;
                        return true;
                    }
                    Expect(reader, JsonTokenType.PropertyName);
                    return TryProperty(ref reader, reader.GetString()!);
            }
        }

        private bool TryProperty(ref Utf8JsonReader reader, string name)
        {
            if (!reader.Read())
            {
                return false;
            }
            var probe = reader;
            if (!probe.TrySkip())
            {
                return false;
            }
            switch (name)
            {
                case "formatVersion":
                    formatVersion = reader.GetInt32();
                    break;
                case "generationId":
                    generationId = reader.GetString();
                    break;
                case "imageSize":
                    imageSize = reader.GetInt64();
                    break;
                case "chunkSize":
                    chunkSize = reader.GetInt32();
                    break;
                case "source":
                    source = JsonSerializer.Deserialize(ref reader, ManifestJsonContext.Default.SourceMetadata);
                    break;
                case "totals":
                    totals = JsonSerializer.Deserialize(ref reader, ManifestJsonContext.Default.CaptureTotals);
                    break;
                case "extents":
                    Expect(reader, JsonTokenType.StartArray);
                    sawExtents = true;
                    phase = Phase.Extents;
                    break;
                default:
                    reader.Skip();
                    break;
            }
            return true;
        }

        private void ReadExtent(ref Utf8JsonReader reader)
        {
            long offset = 0, length = 0;
            string? chunkId = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "offset":
                        offset = reader.GetInt64();
                        break;
                    case "length":
                        length = reader.GetInt64();
                        break;
                    case "chunkId":
                        chunkId = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (offset != next || length <= 0 || (chunkId is not null && !ChunkHash.IsValidId(chunkId)))
            {
                throw new InvalidDataException($"manifest extent at offset {offset} is invalid");
            }
            if (chunkId is null)
            {
                extents.AddExtent(offset, length, default);
            }
            else
            {
                if (length > chunkSize && firstTooLong is null)
                {
                    firstTooLong = offset;
                }
                extents.AddExtent(offset, length, Convert.FromHexString(chunkId));
            }
            next = offset + length;
        }

        private static void Expect(Utf8JsonReader reader, JsonTokenType type)
        {
            if (reader.TokenType != type)
            {
                throw new InvalidDataException($"manifest is not valid JSON: expected {type}, found {reader.TokenType}");
            }
        }
    }
}
