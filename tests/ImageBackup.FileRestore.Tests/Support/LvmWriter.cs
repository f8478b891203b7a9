using System.Buffers.Binary;
using System.Text;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>
/// Writes LVM2 on-disk structures the way lvm2 does (label "LABELONE" in sector 1, PV header, metadata area header
/// with its raw location and CRCs, metadata text) so fixtures need neither root nor device-mapper; checked with pvck.
/// </summary>
internal static class LvmWriter
{
    public const long MetadataAreaOffset = 4096;
    public const long PeStartBytes = 1L << 20;
    private const uint LvmCrcSeed = 0xf597a6cf;

    /// <summary>Writes a PV label and one metadata area holding <paramref name="metadataText"/> at the start of a PV of <paramref name="pvBytes"/>.</summary>
    public static void WritePhysicalVolume(string diskPath, long pvOffset, long pvBytes, string pvUuid, string metadataText, long textOffsetInArea = 512)
    {
        var areaSize = PeStartBytes - MetadataAreaOffset;
        var label = new byte[512];
        "LABELONE"u8.CopyTo(label);
        BinaryPrimitives.WriteUInt64LittleEndian(label.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(label.AsSpan(20), 32);
        "LVM2 001"u8.CopyTo(label.AsSpan(24));
        var header = label.AsSpan(32);
        Encoding.ASCII.GetBytes(pvUuid.Replace("-", "", StringComparison.Ordinal)).CopyTo(header);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], (ulong)pvBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(header[40..], (ulong)PeStartBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(header[48..], 0);
        // data area list ends with a zero pair at 56; metadata area list follows
        BinaryPrimitives.WriteUInt64LittleEndian(header[72..], (ulong)MetadataAreaOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[80..], (ulong)areaSize);
        BinaryPrimitives.WriteUInt32LittleEndian(label.AsSpan(16), Crc(label.AsSpan(20)));
        DiskBuilder.WriteAt(diskPath, pvOffset + 512, label);

        var text = Encoding.UTF8.GetBytes(metadataText + "\0");
        var area = new byte[areaSize];
        " LVM2 x[5A%r0N*>"u8.CopyTo(area.AsSpan(4));
        BinaryPrimitives.WriteUInt32LittleEndian(area.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(area.AsSpan(24), (ulong)MetadataAreaOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(area.AsSpan(32), (ulong)areaSize);
        BinaryPrimitives.WriteUInt64LittleEndian(area.AsSpan(40), (ulong)textOffsetInArea);
        BinaryPrimitives.WriteUInt64LittleEndian(area.AsSpan(48), (ulong)text.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(area.AsSpan(56), Crc(text));
        var first = (int)Math.Min(text.Length, areaSize - textOffsetInArea);
        text.AsSpan(0, first).CopyTo(area.AsSpan((int)textOffsetInArea));
        text.AsSpan(first).CopyTo(area.AsSpan(512));
        BinaryPrimitives.WriteUInt32LittleEndian(area, Crc(area.AsSpan(4, 508)));
        DiskBuilder.WriteAt(diskPath, pvOffset + MetadataAreaOffset, area);
    }

    /// <summary>A random LVM-style id (32 characters in 6-4-4-4-4-4-6 groups).</summary>
    public static string NewId(Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = Enumerable.Range(0, 32).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
        var raw = new string(chars);
        return $"{raw[..6]}-{raw[6..10]}-{raw[10..14]}-{raw[14..18]}-{raw[18..22]}-{raw[22..26]}-{raw[26..]}";
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = LvmCrcSeed;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        return crc;
    }
}
