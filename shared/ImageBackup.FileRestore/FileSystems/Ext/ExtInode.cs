using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>The fields of one ext inode that listing and reading need, decoded from its on-disk bytes.</summary>
internal sealed record ExtInode(uint Number, ushort Mode, long Size, DateTimeOffset ModifiedAt, uint Flags, long Blocks512, long FileAcl, byte[] BlockArea)
{
    /// <summary>What the mode says this inode is.</summary>
    public FileEntryKind Kind => (Mode & 0xF000) switch
    {
        0x8000 => FileEntryKind.File,
        0x4000 => FileEntryKind.Directory,
        0xA000 => FileEntryKind.Symlink,
        _ => FileEntryKind.Other,
    };

    /// <summary>Decodes an inode from <paramref name="raw"/> (its full on-disk size).</summary>
    public static ExtInode Parse(uint number, ReadOnlySpan<byte> raw, int blockSize)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(raw);
        var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(raw[4..]) | ((long)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x6C..]) << 32);
        if (size < 0)
        {
            throw new CorruptImageException($"ext inode {number}: negative size");
        }
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x20..]);
        var blocks = (long)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x1C..]) | ((long)BinaryPrimitives.ReadUInt16LittleEndian(raw[0x74..]) << 32);
        var blocks512 = (flags & ExtFeatures.InodeFlagHugeFile) != 0 ? blocks * (blockSize / 512) : blocks;
        var fileAcl = (long)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x68..]) | ((long)BinaryPrimitives.ReadUInt16LittleEndian(raw[0x76..]) << 32);
        long seconds = BinaryPrimitives.ReadInt32LittleEndian(raw[0x10..]);
        long nanoseconds = 0;
        if (raw.Length > 0x80)
        {
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(raw[0x80..]);
            if (extra >= 0x0C && 0x80 + extra <= raw.Length)
            {
                var mtimeExtra = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x88..]);
                seconds += (long)(mtimeExtra & 3) << 32;
                nanoseconds = mtimeExtra >> 2;
                if (nanoseconds >= 1_000_000_000)
                {
                    nanoseconds = 0;
                }
            }
        }
        var modified = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800L, 253402300798L)).AddTicks(nanoseconds / 100);
        return new ExtInode(number, mode, size, modified, flags, blocks512, fileAcl, raw.Slice(0x28, 60).ToArray());
    }
}
