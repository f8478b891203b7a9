using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes;

/// <summary>
/// Reads a GPT: the primary header and entry array with their CRC-32s, falling back to the backup header at the end
/// of the disk when the primary is damaged; refuses LDM (dynamic disks) and marks Storage Spaces partitions.
/// </summary>
internal static class GptPartitionTable
{
    private const int MaxEntryArrayBytes = 1 << 20;
    private static readonly Guid LdmMetadata = new("5808C8AA-7E8F-42E0-85D2-E1E90434CFB3");
    private static readonly Guid LdmData = new("AF9B60A0-1431-4F62-BC68-3311714A69AD");
    private static readonly Guid StorageSpaces = new("E75CAF8F-F680-4CEE-AFA3-B001E56EFC2D");
    private static readonly Guid MicrosoftReserved = new("E3C9E316-0B5C-4DB8-817D-F92DF00215AE");
    private static readonly Guid BiosBoot = new("21686148-6449-6E6F-744E-656564454649");
    private static readonly Guid LinuxLvm = new("E6D6D379-F507-44C2-A23C-238F2A3DF928");
    private static readonly Dictionary<Guid, string> KnownTypes = new()
    {
        [new Guid("C12A7328-F81F-11D2-BA4B-00A0C93EC93B")] = "EFI system",
        [new Guid("0FC63DAF-8483-4772-8E79-3D69D8477DE4")] = "Linux filesystem",
        [new Guid("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7")] = "Microsoft basic data",
        [new Guid("DE94BBA4-06D1-4D40-A16A-BFD50179D6AC")] = "Windows recovery",
        [new Guid("0657FD6D-A4AB-43C4-84E5-0933C84B4F4F")] = "Linux swap",
        [LinuxLvm] = "Linux LVM",
        [MicrosoftReserved] = "Microsoft reserved",
        [BiosBoot] = "BIOS boot",
        [StorageSpaces] = "Storage Spaces",
        [LdmMetadata] = "LDM metadata",
        [LdmData] = "LDM data",
    };

    /// <summary>True when "EFI PART" is at LBA 1 for 512- or 4096-byte sectors.</summary>
    public static bool IsPresent(IRandomAccessSource disk) => SectorSizeOf(disk) > 0;

    /// <summary>The partitions of the GPT (named p1… by entry index); <paramref name="notes"/> receives a note when the backup header was used.</summary>
    public static List<PartitionEntry> Read(IRandomAccessSource disk, List<string> notes)
    {
        var sectorSize = SectorSizeOf(disk);
        if (sectorSize == 0)
        {
            throw new CorruptImageException("no GPT header at LBA 1");
        }
        var totalSectors = disk.Length / sectorSize;
        var primary = TryHeader(disk, sectorSize, 1, totalSectors, out var primaryProblem);
        if (primary is not null)
        {
            return Entries(disk, sectorSize, totalSectors, primary.Value);
        }
        var backupLba = totalSectors - 1;
        var backup = TryHeader(disk, sectorSize, backupLba, totalSectors, out var backupProblem);
        if (backup is null)
        {
            throw new CorruptImageException($"GPT primary header is damaged ({primaryProblem}) and so is the backup ({backupProblem})");
        }
        notes.Add($"GPT primary header damaged ({primaryProblem}); the backup header at the end of the disk was used");
        return Entries(disk, sectorSize, totalSectors, backup.Value);
    }

    private static int SectorSizeOf(IRandomAccessSource disk)
    {
        Span<byte> signature = stackalloc byte[8];
        foreach (var size in new[] { 512, 4096 })
        {
            if (disk.Length >= size * 2L)
            {
                disk.ReadAt(size, signature);
                if (signature.SequenceEqual("EFI PART"u8))
                {
                    return size;
                }
            }
        }
        return 0;
    }

    private readonly record struct Header(long EntriesLba, uint Count, uint EntrySize, uint EntriesCrc, long FirstUsable, long LastUsable);

    private static Header? TryHeader(IRandomAccessSource disk, int sectorSize, long lba, long totalSectors, out string problem)
    {
        problem = "";
        var sector = new byte[sectorSize];
        disk.ReadAt(lba * sectorSize, sector);
        var s = sector.AsSpan();
        if (!s[..8].SequenceEqual("EFI PART"u8))
        {
            problem = $"no signature at LBA {lba}";
            return null;
        }
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(s[12..]);
        if (headerSize < 92 || headerSize > sectorSize)
        {
            problem = $"header size {headerSize}";
            return null;
        }
        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(s[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], 0);
        if (Crc32.Compute(s[..(int)headerSize]) != storedCrc)
        {
            problem = "header CRC mismatch";
            return null;
        }
        var header = new Header(
            (long)BinaryPrimitives.ReadUInt64LittleEndian(s[72..]),
            BinaryPrimitives.ReadUInt32LittleEndian(s[80..]),
            BinaryPrimitives.ReadUInt32LittleEndian(s[84..]),
            BinaryPrimitives.ReadUInt32LittleEndian(s[88..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(s[40..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(s[48..]));
        var arrayBytes = (long)header.Count * header.EntrySize;
        if (header.EntrySize < 128 || header.EntrySize % 8 != 0 || arrayBytes > MaxEntryArrayBytes || header.Count == 0)
        {
            problem = $"{header.Count} entries of {header.EntrySize} bytes";
            return null;
        }
        if (header.EntriesLba < 1 || header.EntriesLba >= totalSectors || (totalSectors - header.EntriesLba) * sectorSize < arrayBytes)
        {
            problem = $"entry array at LBA {header.EntriesLba} lies outside the disk";
            return null;
        }
        var array = new byte[arrayBytes];
        disk.ReadAt(header.EntriesLba * sectorSize, array);
        if (Crc32.Compute(array) != header.EntriesCrc)
        {
            problem = "entry array CRC mismatch";
            return null;
        }
        return header;
    }

    private static List<PartitionEntry> Entries(IRandomAccessSource disk, int sectorSize, long totalSectors, Header header)
    {
        var array = new byte[(long)header.Count * header.EntrySize];
        disk.ReadAt(header.EntriesLba * sectorSize, array);
        var partitions = new List<PartitionEntry>();
        for (var index = 0; index < header.Count; index++)
        {
            var entry = array.AsSpan(index * (int)header.EntrySize, (int)header.EntrySize);
            var type = new Guid(entry[..16]);
            if (type == Guid.Empty)
            {
                continue;
            }
            var name = $"p{index + 1}";
            if (type == LdmMetadata || type == LdmData)
            {
                throw new UnsupportedLayoutException($"GPT partition {name} has an LDM type ({type}): a Windows dynamic disk; file restore does not read dynamic volumes");
            }
            var first = (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
            var last = (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[40..]);
            var label = Encoding.Unicode.GetString(entry.Slice(56, 72)).TrimEnd('\0');
            var description = "GPT " + (KnownTypes.TryGetValue(type, out var known) ? known : type.ToString());
            string? refusal = null;
            if (first < 1 || last < first || last >= totalSectors)
            {
                refusal = $"partition {name} (LBA {first}–{last}) lies outside the disk";
                first = 0;
                last = -1;
            }
            else if (type == StorageSpaces)
            {
                refusal = "Storage Spaces member: its data lives in a pool of disks, which file restore does not read";
            }
            else if (type == MicrosoftReserved || type == BiosBoot)
            {
                refusal = $"{known} partition: holds no file system";
            }
            partitions.Add(new PartitionEntry(name, first * sectorSize, (last - first + 1) * sectorSize, description, type == LinuxLvm, refusal, label.Length == 0 ? null : label));
        }
        return partitions;
    }
}
