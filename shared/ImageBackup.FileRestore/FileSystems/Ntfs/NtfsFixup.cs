using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Applies the update sequence array of a multi-sector record (MFT FILE records, INDX blocks): checks every sector's
/// last two bytes carry the sequence number, then puts the saved bytes back, so torn writes are detected.
/// </summary>
internal static class NtfsFixup
{
    private const int StrideSize = 512;

    /// <summary>Fixes <paramref name="record"/> in place; throws when the array is out of bounds or a sector is torn.</summary>
    public static void Apply(Span<byte> record, string what)
    {
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(record[4..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(record[6..]);
        var sectors = record.Length / StrideSize;
        if (count != sectors + 1 || offset < 8 || offset % 2 != 0 || offset + (count * 2) > StrideSize - 2)
        {
            throw new CorruptImageException($"NTFS: {what} has an invalid update sequence array ({count} entries at {offset}).");
        }

        var sequence = BinaryPrimitives.ReadUInt16LittleEndian(record[offset..]);
        for (var i = 1; i < count; i++)
        {
            var end = (i * StrideSize) - 2;
            if (BinaryPrimitives.ReadUInt16LittleEndian(record[end..]) != sequence)
            {
                throw new CorruptImageException($"NTFS: {what} sector {i - 1} fails its update sequence check (torn write or corruption).");
            }

            record[end] = record[offset + (i * 2)];
            record[end + 1] = record[offset + (i * 2) + 1];
        }
    }
}
