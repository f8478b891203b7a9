using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes;

/// <summary>Recognises what a volume holds by magic numbers only (no parsing beyond the label), so listings are cheap and never fail on one bad volume.</summary>
public static class FileSystemProbe
{
    /// <summary>File-system type and label found on <paramref name="volume"/>, or (null, null).</summary>
    public static (string? Type, string? Label) Probe(IRandomAccessSource volume)
    {
        if (volume.Length < 4096)
        {
            return (null, null);
        }
        var head = new byte[4096];
        volume.ReadAt(0, head);
        var s = head.AsSpan();
        if (s.Slice(3, 8).SequenceEqual("NTFS    "u8))
        {
            return ("ntfs", null);
        }
        if (s.Slice(3, 8).SequenceEqual("ReFS\0\0\0\0"u8))
        {
            return ("refs", null);
        }
        if (s.Slice(3, 8).SequenceEqual("-FVE-FS-"u8))
        {
            return ("bitlocker", null);
        }
        if (s[..4].SequenceEqual("XFSB"u8))
        {
            return ("xfs", CString(s.Slice(108, 12)));
        }
        if (BinaryPrimitives.ReadUInt16LittleEndian(s[1080..]) == 0xEF53)
        {
            var superblock = s.Slice(1024, 1024);
            var compat = BinaryPrimitives.ReadUInt32LittleEndian(superblock[0x5C..]);
            var incompat = BinaryPrimitives.ReadUInt32LittleEndian(superblock[0x60..]);
            var roCompat = BinaryPrimitives.ReadUInt32LittleEndian(superblock[0x64..]);
            var ext4 = (incompat & 0x2C0) != 0 || (roCompat & 0x478) != 0;
            return (ext4 ? "ext4" : (compat & 4) != 0 ? "ext3" : "ext2", CString(superblock.Slice(0x78, 16)));
        }
        if (s.Slice(4086, 10).SequenceEqual("SWAPSPACE2"u8))
        {
            return ("swap", null);
        }
        if (s.Slice(82, 8).SequenceEqual("FAT32   "u8) || s.Slice(54, 5).SequenceEqual("FAT12"u8) || s.Slice(54, 5).SequenceEqual("FAT16"u8))
        {
            return ("vfat", null);
        }
        return (null, null);
    }

    private static string? CString(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        var text = Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]).Trim();
        return text.Length == 0 ? null : text;
    }
}
