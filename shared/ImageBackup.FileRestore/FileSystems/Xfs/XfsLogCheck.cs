using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// Decides, without replaying it, whether the internal log was cleanly unmounted: walks the log records from the start
/// while their cycle number stays the same (the head is where it drops), and calls the log clean only when the last
/// record before the head is a lone unmount record whose tail LSN is its own LSN (the test the kernel makes at mount).
/// </summary>
internal static class XfsLogCheck
{
    private const uint RecordMagic = 0xFEEDBABE;
    private const byte UnmountTransaction = 0x20;
    private const int BasicBlock = 512;
    private const int MaxRecords = 1 << 20;

    /// <summary>A warning for the listing, or null when the log is clean.</summary>
    public static string? Check(XfsVolume volume)
    {
        var sb = volume.Superblock;
        if (sb.LogStart == 0)
        {
            return "XFS: the log is on an external device; whether it is clean cannot be checked.";
        }

        long logOffset;
        try
        {
            logOffset = sb.FsBlockToOffset(sb.LogStart, sb.LogBlocks);
        }
        catch (CorruptImageException)
        {
            return "XFS: the log location is invalid; the log state is unknown.";
        }

        var logBasicBlocks = (long)sb.LogBlocks * sb.BlockSize / BasicBlock;
        Span<byte> header = stackalloc byte[BasicBlock];
        Span<byte> data = stackalloc byte[BasicBlock];
        long block = 0;
        uint? firstCycle = null;
        long lastRecord = -1;
        var lastClean = false;
        for (var records = 0; block < logBasicBlocks && records < MaxRecords; records++)
        {
            volume.Source.ReadAt(logOffset + (block * BasicBlock), header);
            if (BinaryPrimitives.ReadUInt32BigEndian(header) != RecordMagic)
            {
                break;
            }

            var cycle = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            firstCycle ??= cycle;
            if (cycle != firstCycle)
            {
                break;
            }

            var version = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
            var lsn = BinaryPrimitives.ReadUInt64BigEndian(header[16..]);
            var tail = BinaryPrimitives.ReadUInt64BigEndian(header[24..]);
            var operations = BinaryPrimitives.ReadInt32BigEndian(header[40..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(header[320..]);
            var headerBlocks = (version & 2) != 0 && size > 32768 ? ((long)size + 32767) / 32768 : 1;
            var dataBlocks = ((long)length + BasicBlock - 1) / BasicBlock;
            if (block + headerBlocks + dataBlocks > logBasicBlocks)
            {
                break;
            }

            lastRecord = block;
            lastClean = false;
            if (operations == 1 && tail == lsn && dataBlocks > 0)
            {
                volume.Source.ReadAt(logOffset + ((block + headerBlocks) * BasicBlock), data);
                lastClean = (data[9] & UnmountTransaction) != 0;
            }

            block += headerBlocks + dataBlocks;
        }

        if (lastRecord < 0)
        {
            return "XFS: no log record found at the start of the log; the log state is unknown.";
        }

        return lastClean
            ? null
            : $"XFS: the log is dirty (the last record, at log block {lastRecord}, is not a clean unmount record); changes after the last checkpoint are not replayed.";
    }
}
