using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Decompresses LZNT1, the NTFS compression format: 4 KiB chunks, each stored raw or as flag-grouped literals and
/// back-references whose offset/length split depends on the position in the chunk. Every reference is checked so
/// hostile input cannot read before the chunk or write past the output.
/// </summary>
public static class Lznt1Decompressor
{
    private const int ChunkSize = 4096;

    /// <summary>Decompresses <paramref name="input"/> into <paramref name="output"/>; returns the bytes produced (the rest is left as is).</summary>
    public static int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var inputPosition = 0;
        var outputPosition = 0;
        while (inputPosition + 2 <= input.Length && outputPosition < output.Length)
        {
            var header = BinaryPrimitives.ReadUInt16LittleEndian(input[inputPosition..]);
            if (header == 0)
            {
                break;
            }

            var chunkEnd = inputPosition + 3 + (header & 0xFFF);
            if (chunkEnd > input.Length)
            {
                throw new CorruptImageException("NTFS: LZNT1 chunk runs past the compressed data.");
            }

            var chunk = input[(inputPosition + 2)..chunkEnd];
            var room = output[outputPosition..];
            var produced = (header & 0x8000) == 0
                ? CopyRaw(chunk, room)
                : DecompressChunk(chunk, room[..Math.Min(room.Length, ChunkSize)]);
            inputPosition = chunkEnd;
            var moreChunks = inputPosition + 2 <= input.Length && BinaryPrimitives.ReadUInt16LittleEndian(input[inputPosition..]) != 0;
            if (moreChunks && produced < ChunkSize)
            {
                // A short chunk that is not the last one stands for a full 4 KiB chunk ending in zeros.
                var padded = Math.Min(ChunkSize, room.Length);
                room[produced..padded].Clear();
                produced = padded;
            }

            outputPosition += produced;
        }

        return outputPosition;
    }

    private static int CopyRaw(ReadOnlySpan<byte> chunk, Span<byte> output)
    {
        var length = Math.Min(Math.Min(chunk.Length, ChunkSize), output.Length);
        chunk[..length].CopyTo(output);
        return length;
    }

    private static int DecompressChunk(ReadOnlySpan<byte> chunk, Span<byte> output)
    {
        var input = 0;
        var produced = 0;
        while (input < chunk.Length && produced < output.Length)
        {
            var flags = chunk[input++];
            for (var bit = 0; bit < 8 && input < chunk.Length && produced < output.Length; bit++)
            {
                if ((flags & (1 << bit)) == 0)
                {
                    output[produced++] = chunk[input++];
                    continue;
                }

                if (input + 2 > chunk.Length)
                {
                    throw new CorruptImageException("NTFS: LZNT1 back-reference is truncated.");
                }

                var token = BinaryPrimitives.ReadUInt16LittleEndian(chunk[input..]);
                input += 2;
                var lengthBits = 12;
                for (var i = produced - 1; i >= 0x10; i >>= 1)
                {
                    lengthBits--;
                }

                var offset = (token >> lengthBits) + 1;
                var length = (token & ((1 << lengthBits) - 1)) + 3;
                if (offset > produced)
                {
                    throw new CorruptImageException("NTFS: LZNT1 back-reference points before the start of the chunk.");
                }

                for (var i = 0; i < length && produced < output.Length; i++, produced++)
                {
                    output[produced] = output[produced - offset];
                }
            }
        }

        return produced;
    }
}
