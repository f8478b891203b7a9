using System.Buffers.Binary;

namespace ImageBackup.Imaging.Format;

/// <summary>The 16-byte header in front of every chunk blob, so a blob can be recognised, versioned and decoded on its own.</summary>
/// <param name="Compression">How the payload is encoded.</param>
/// <param name="UncompressedLength">Length of the chunk content.</param>
/// <param name="PayloadLength">Length of the payload that follows the header.</param>
public readonly record struct ChunkHeader(CompressionKind Compression, int UncompressedLength, int PayloadLength)
{
    /// <summary>Size of the header in bytes.</summary>
    public const int Size = 16;

    /// <summary>"IBCK" in ASCII, read as a little-endian 32-bit integer.</summary>
    private const uint Magic = 0x4B434249;

    /// <summary>Writes the header into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        destination[4] = ImageFormat.Version;
        destination[5] = (byte)Compression;
        destination[6] = 0;
        destination[7] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], UncompressedLength);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], PayloadLength);
    }

    /// <summary>Reads and checks a header; returns null with a reason when the bytes are not a valid header.</summary>
    public static ChunkHeader? TryRead(ReadOnlySpan<byte> blob, out string? problem)
    {
        problem = null;
        if (blob.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(blob) != Magic)
        {
            problem = "not a chunk blob (bad magic or too short)";
            return null;
        }
        if (blob[4] > ImageFormat.Version)
        {
            problem = $"chunk format version {blob[4]} is newer than this tool ({ImageFormat.Version})";
            return null;
        }
        var compression = (CompressionKind)blob[5];
        var uncompressed = BinaryPrimitives.ReadInt32LittleEndian(blob[8..]);
        var payload = BinaryPrimitives.ReadInt32LittleEndian(blob[12..]);
        if (compression is not (CompressionKind.None or CompressionKind.Zstd) || uncompressed < 0 || payload < 0
            || uncompressed > ImageFormat.MaxChunkSize || payload != blob.Length - Size)
        {
            problem = "chunk header is inconsistent with the blob";
            return null;
        }
        return new ChunkHeader(compression, uncompressed, payload);
    }
}
