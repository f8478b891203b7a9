using System.Buffers.Binary;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes;

/// <summary>Reads an MBR partition table with its chain of extended boot records (logical partitions), refusing dynamic disks.</summary>
internal static class MbrPartitionTable
{
    private const int SectorSize = 512;
    private const int MaxLogicalPartitions = 128;

    /// <summary>True when sector 0 ends in 0x55AA and its four entries look like partition entries.</summary>
    public static bool IsPresent(IRandomAccessSource disk, out bool protectiveGpt)
    {
        protectiveGpt = false;
        if (disk.Length < SectorSize)
        {
            return false;
        }
        var sector = new byte[SectorSize];
        disk.ReadAt(0, sector);
        if (sector[510] != 0x55 || sector[511] != 0xAA)
        {
            return false;
        }
        var any = false;
        for (var slot = 0; slot < 4; slot++)
        {
            var entry = sector.AsSpan(446 + (slot * 16), 16);
            if (entry[0] != 0 && entry[0] != 0x80)
            {
                return false;
            }
            if (entry[4] == 0xEE)
            {
                protectiveGpt = true;
            }
            any |= entry[4] != 0;
        }
        return any;
    }

    /// <summary>Primary partitions (p1–p4 by slot) and logical partitions (p5…) in chain order.</summary>
    public static List<PartitionEntry> Read(IRandomAccessSource disk)
    {
        var sector = new byte[SectorSize];
        disk.ReadAt(0, sector);
        var partitions = new List<PartitionEntry>();
        long extendedStart = -1, extendedLength = 0;
        for (var slot = 0; slot < 4; slot++)
        {
            var (type, start, length) = Entry(sector, slot, 0);
            if (type == 0 || length == 0)
            {
                continue;
            }
            if (type == 0x42)
            {
                throw new UnsupportedLayoutException($"partition {slot + 1} has MBR type 0x42: a Windows dynamic disk (LDM); file restore does not read dynamic volumes");
            }
            if (type is 0x05 or 0x0F or 0x85)
            {
                if (extendedStart >= 0)
                {
                    throw new CorruptImageException("MBR holds more than one extended partition");
                }
                extendedStart = start;
                extendedLength = length;
                continue;
            }
            partitions.Add(Describe($"p{slot + 1}", type, start, length, disk));
        }
        if (extendedStart >= 0)
        {
            ReadLogical(disk, extendedStart, extendedLength, partitions);
        }
        return partitions;
    }

    private static void ReadLogical(IRandomAccessSource disk, long extendedStart, long extendedLength, List<PartitionEntry> partitions)
    {
        var seen = new HashSet<long>();
        var ebr = extendedStart;
        var sector = new byte[SectorSize];
        for (var number = 5; ; number++)
        {
            if (!seen.Add(ebr))
            {
                throw new CorruptImageException($"MBR extended partition chain loops back to offset {ebr}");
            }
            if (number - 5 >= MaxLogicalPartitions)
            {
                throw new CorruptImageException($"MBR extended partition chain is longer than {MaxLogicalPartitions} entries");
            }
            if (ebr < extendedStart || ebr + SectorSize > extendedStart + extendedLength || ebr + SectorSize > disk.Length)
            {
                throw new CorruptImageException($"MBR extended boot record at offset {ebr} lies outside the extended partition");
            }
            disk.ReadAt(ebr, sector);
            if (sector[510] != 0x55 || sector[511] != 0xAA)
            {
                throw new CorruptImageException($"MBR extended boot record at offset {ebr} has no 0x55AA signature");
            }
            var (type, start, length) = Entry(sector, 0, ebr);
            if (type == 0x42)
            {
                throw new UnsupportedLayoutException($"logical partition {number} has MBR type 0x42: a Windows dynamic disk (LDM); file restore does not read dynamic volumes");
            }
            if (type != 0 && length > 0)
            {
                partitions.Add(Describe($"p{number}", type, start, length, disk));
            }
            var (nextType, nextStart, _) = Entry(sector, 1, extendedStart);
            if (nextType == 0 || nextStart == extendedStart)
            {
                return;
            }
            ebr = nextStart;
        }
    }

    private static (byte Type, long Start, long Length) Entry(byte[] sector, int slot, long relativeTo)
    {
        var entry = sector.AsSpan(446 + (slot * 16), 16);
        var start = (long)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]) * SectorSize;
        var length = (long)BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]) * SectorSize;
        return (entry[4], relativeTo + start, length);
    }

    private static PartitionEntry Describe(string name, byte type, long start, long length, IRandomAccessSource disk)
    {
        var description = $"MBR type 0x{type:x2}";
        string? refusal = null;
        if (start + length > disk.Length || start <= 0)
        {
            refusal = $"partition {name} ({start}+{length} bytes) reaches beyond the {disk.Length}-byte image";
        }
        return new PartitionEntry(name, start, length, description, type == 0x8E, refusal, null);
    }
}
