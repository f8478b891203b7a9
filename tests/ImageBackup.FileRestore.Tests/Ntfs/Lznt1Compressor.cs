using System.Buffers.Binary;

namespace ImageBackup.FileRestore.Tests.Ntfs;

/// <summary>
/// A small greedy LZNT1 compressor for tests: no mount-free tool writes NTFS-compressed files, so tests compress
/// known data with this and check the reader (and libntfs-3g's ntfscat, and Sleuth Kit's icat) decompress it back.
/// </summary>
internal static class Lznt1Compressor
{
    private const int ChunkSize = 4096;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>();
        for (var start = 0; start < data.Length; start += ChunkSize)
        {
            var chunk = data.Slice(start, Math.Min(ChunkSize, data.Length - start));
            var compressed = CompressChunk(chunk);
            if (compressed.Count >= chunk.Length)
            {
                AddHeader(output, (ushort)(0x3000 | (chunk.Length + 2 - 3)));
                output.AddRange(chunk.ToArray());
            }
            else
            {
                AddHeader(output, (ushort)(0xB000 | (compressed.Count + 2 - 3)));
                output.AddRange(compressed);
            }
        }

        return [.. output];
    }

    private static void AddHeader(List<byte> output, ushort header)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, header);
        output.AddRange(bytes.ToArray());
    }

    private static List<byte> CompressChunk(ReadOnlySpan<byte> chunk)
    {
        var output = new List<byte>();
        var position = 0;
        while (position < chunk.Length)
        {
            var flagsIndex = output.Count;
            output.Add(0);
            byte flags = 0;
            for (var bit = 0; bit < 8 && position < chunk.Length; bit++)
            {
                var lengthBits = 12;
                for (var i = position - 1; i >= 0x10; i >>= 1)
                {
                    lengthBits--;
                }

                var maxOffset = Math.Min(position, 1 << (16 - lengthBits));
                var maxLength = Math.Min((1 << lengthBits) + 2, chunk.Length - position);
                int bestLength = 0, bestOffset = 0;
                for (var offset = 1; offset <= maxOffset; offset++)
                {
                    var length = 0;
                    while (length < maxLength && chunk[position + length] == chunk[position + length - offset])
                    {
                        length++;
                    }

                    if (length > bestLength)
                    {
                        (bestLength, bestOffset) = (length, offset);
                    }
                }

                if (bestLength >= 3)
                {
                    var token = (ushort)(((bestOffset - 1) << lengthBits) | (bestLength - 3));
                    output.Add((byte)token);
                    output.Add((byte)(token >> 8));
                    flags |= (byte)(1 << bit);
                    position += bestLength;
                }
                else
                {
                    output.Add(chunk[position++]);
                }
            }

            output[flagsIndex] = flags;
        }

        return output;
    }
}
