using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.Capture;

/// <summary>
/// One record per block of a capture, on local disk instead of in memory (so memory does not grow with the image):
/// a 16-byte XXH128 change fingerprint and the 32-byte SHA-256 chunk id, all zeros for a zero block. The manifest is
/// built by streaming it; kept as the change cache, it lets the next capture skip SHA-256, the existence check and
/// compression of every block whose fingerprint did not change.
/// </summary>
internal sealed class BlockIndexFile : IDisposable
{
    /// <summary>Bytes per block record.</summary>
    public const int RecordSize = FingerprintSize + IdSize;

    /// <summary>Bytes of the change fingerprint (XXH128).</summary>
    public const int FingerprintSize = 16;

    /// <summary>Bytes of the chunk id (SHA-256).</summary>
    public const int IdSize = 32;

    private const int HeaderSize = 64;
    private const uint Magic = 0x58494249; // "IBIX"
    private const int Version = 1;
    private const int GenerationIdLength = 25;
    private readonly SafeFileHandle handle;

    private BlockIndexFile(string path, SafeFileHandle handle, int chunkSize, ulong seed, long blockCount, string? generationId)
    {
        Path = path;
        this.handle = handle;
        ChunkSize = chunkSize;
        Seed = seed;
        BlockCount = blockCount;
        GenerationId = generationId;
    }

    /// <summary>Where the file is.</summary>
    public string Path { get; }

    /// <summary>Chunk size of the capture the records describe.</summary>
    public int ChunkSize { get; }

    /// <summary>Seed of the XXH128 fingerprints (random per cache, so fingerprints cannot be predicted from outside).</summary>
    public ulong Seed { get; }

    /// <summary>Number of block records (set when the capture finishes).</summary>
    public long BlockCount { get; private set; }

    /// <summary>Generation the records belong to, once that generation is committed.</summary>
    public string? GenerationId { get; private set; }

    /// <summary>Creates a new, empty index at <paramref name="path"/> (replacing any file there).</summary>
    public static BlockIndexFile Create(string path, int chunkSize, ulong seed)
    {
        var handle = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var index = new BlockIndexFile(path, handle, chunkSize, seed, 0, null);
        index.WriteHeader();
        return index;
    }

    /// <summary>Opens a committed index read-only, or returns null when it is missing, unreadable or not committed.</summary>
    public static BlockIndexFile? TryOpenCommitted(string path)
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Span<byte> header = stackalloc byte[HeaderSize];
            if (RandomAccess.Read(handle, header, 0) != HeaderSize
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic
                || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != Version)
            {
                handle.Dispose();
                return null;
            }
            var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            var seed = BinaryPrimitives.ReadUInt64LittleEndian(header[16..]);
            var count = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
            var generation = Encoding.ASCII.GetString(header.Slice(32, GenerationIdLength));
            if (!Manifests.GenerationId.IsValid(generation) || count < 0 || RandomAccess.GetLength(handle) != HeaderSize + count * RecordSize)
            {
                handle.Dispose();
                return null;
            }
            return new BlockIndexFile(path, handle, chunkSize, seed, count, generation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return null;
        }
    }

    /// <summary>Writes the record of block <paramref name="block"/> (thread-safe: positional write).</summary>
    public void Write(long block, ReadOnlySpan<byte> fingerprint, ReadOnlySpan<byte> id)
    {
        Span<byte> record = stackalloc byte[RecordSize];
        fingerprint.CopyTo(record);
        id.CopyTo(record[FingerprintSize..]);
        RandomAccess.Write(handle, record, HeaderSize + block * RecordSize);
    }

    /// <summary>Reads the record of block <paramref name="block"/>; false when the index has no such block.</summary>
    public bool TryRead(long block, Span<byte> record)
    {
        if (block >= BlockCount)
        {
            return false;
        }
        return RandomAccess.Read(handle, record[..RecordSize], HeaderSize + block * RecordSize) == RecordSize;
    }

    /// <summary>Reads records from block <paramref name="firstBlock"/> into <paramref name="destination"/> (whole records); returns how many.</summary>
    public int ReadRecords(long firstBlock, Span<byte> destination)
    {
        var wanted = (int)Math.Min(destination.Length / RecordSize, BlockCount - firstBlock);
        var bytes = destination[..(wanted * RecordSize)];
        var offset = HeaderSize + firstBlock * RecordSize;
        while (!bytes.IsEmpty)
        {
            var read = RandomAccess.Read(handle, bytes, offset);
            if (read == 0)
            {
                throw new EndOfStreamException("the block index ended early");
            }
            bytes = bytes[read..];
            offset += read;
        }
        return wanted;
    }

    /// <summary>Fixes the number of blocks once the capture read the whole source (blocks never written stay zero records).</summary>
    public void Finish(long blockCount)
    {
        BlockCount = blockCount;
        RandomAccess.SetLength(handle, HeaderSize + blockCount * RecordSize);
        WriteHeader();
    }

    /// <summary>Records that generation <paramref name="generationId"/> committed with these records, and flushes the file.</summary>
    public void MarkCommitted(string generationId)
    {
        GenerationId = generationId;
        WriteHeader();
        RandomAccess.FlushToDisk(handle);
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], ChunkSize);
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], Seed);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], BlockCount);
        if (GenerationId is not null)
        {
            Encoding.ASCII.GetBytes(GenerationId, header.Slice(32, GenerationIdLength));
        }
        RandomAccess.Write(handle, header, 0);
    }

    /// <inheritdoc />
    public void Dispose() => handle.Dispose();
}
