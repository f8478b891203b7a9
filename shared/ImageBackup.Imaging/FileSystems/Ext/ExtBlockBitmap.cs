using System.Buffers.Binary;
using System.Numerics;

namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>Bit operations on one ext block bitmap (bit i = byte i/8, bit i%8), so runs of used blocks are found a 64-bit word at a time.</summary>
internal static class ExtBlockBitmap
{
    /// <summary>Marks bits [first, first + count) as used.</summary>
    public static void SetRange(Span<byte> bitmap, uint first, uint count)
    {
        for (var bit = first; bit < first + count; bit++)
        {
            bitmap[(int)(bit >> 3)] |= (byte)(1 << (int)(bit & 7));
        }
    }

    /// <summary>Calls <paramref name="onRun"/> with (first bit, bit count) for every run of set bits below <paramref name="bitCount"/>, in order.</summary>
    public static void ForEachSetRun(ReadOnlySpan<byte> bitmap, uint bitCount, Action<uint, uint> onRun)
    {
        var bit = 0u;
        while (bit < bitCount)
        {
            var start = FindNext(bitmap, bit, bitCount, lookingForSet: true);
            if (start >= bitCount)
            {
                return;
            }

            var end = FindNext(bitmap, start, bitCount, lookingForSet: false);
            onRun(start, end - start);
            bit = end;
        }
    }

    private static uint FindNext(ReadOnlySpan<byte> bitmap, uint from, uint limit, bool lookingForSet)
    {
        var bit = from;
        while (bit < limit)
        {
            var wordStart = bit & ~63u;
            var word = BinaryPrimitives.ReadUInt64LittleEndian(bitmap[(int)(wordStart >> 3)..]);
            if (!lookingForSet)
            {
                word = ~word;
            }

            word &= ulong.MaxValue << (int)(bit & 63);
            if (word != 0)
            {
                return Math.Min(limit, wordStart + (uint)BitOperations.TrailingZeroCount(word));
            }

            bit = wordStart + 64;
        }

        return limit;
    }
}
