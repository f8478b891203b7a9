using System.Buffers.Binary;
using System.Text;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// One attribute (or one extent of a non-resident attribute) of an MFT record: its type, name and flags, and either its
/// resident value or its runs and sizes, parsed with every offset checked against the attribute's own length.
/// </summary>
internal sealed class NtfsAttribute
{
    public const uint StandardInformation = 0x10;
    public const uint AttributeList = 0x20;
    public const uint FileName = 0x30;
    public const uint VolumeName = 0x60;
    public const uint VolumeInformation = 0x70;
    public const uint Data = 0x80;
    public const uint IndexRoot = 0x90;
    public const uint IndexAllocation = 0xA0;
    public const uint ReparsePoint = 0xC0;
    public const uint End = 0xFFFFFFFF;

    public const ushort FlagCompressed = 0x0001;
    public const ushort FlagEncrypted = 0x4000;
    public const ushort FlagSparse = 0x8000;

    /// <summary>Highest VCN accepted (2^40 clusters: 4 PiB at 4 KiB), so VCN-to-byte arithmetic cannot overflow; sparse files may exceed the volume.</summary>
    private const long MaxVcn = 1L << 40;

    public required uint Type { get; init; }
    public required string Name { get; init; }
    public required ushort Flags { get; init; }
    public required bool NonResident { get; init; }
    public byte[] Value { get; init; } = [];
    public List<NtfsRun> Runs { get; init; } = [];
    public long StartVcn { get; init; }
    public long LastVcn { get; init; }
    public int CompressionUnitLog { get; init; }
    public long AllocatedSize { get; init; }
    public long DataSize { get; init; }
    public long InitializedSize { get; init; }

    /// <summary>Parses the attribute at the start of <paramref name="raw"/> (exactly its declared length).</summary>
    public static NtfsAttribute Parse(ReadOnlySpan<byte> raw, long clusterCount, ulong record)
    {
        var type = BinaryPrimitives.ReadUInt32LittleEndian(raw);
        var nonResident = raw[8] != 0;
        int nameLength = raw[9];
        int nameOffset = BinaryPrimitives.ReadUInt16LittleEndian(raw[10..]);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(raw[12..]);
        if (nameLength > 0 && nameOffset + (nameLength * 2) > raw.Length)
        {
            throw new CorruptImageException($"NTFS: record {record} attribute 0x{type:x} has its name outside the attribute.");
        }

        var name = nameLength == 0 ? string.Empty : Encoding.Unicode.GetString(raw.Slice(nameOffset, nameLength * 2));
        if (!nonResident)
        {
            if (raw.Length < 0x18)
            {
                throw new CorruptImageException($"NTFS: record {record} resident attribute 0x{type:x} is truncated.");
            }

            var valueLength = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x10..]);
            int valueOffset = BinaryPrimitives.ReadUInt16LittleEndian(raw[0x14..]);
            if (valueOffset > raw.Length || valueLength > (uint)(raw.Length - valueOffset))
            {
                throw new CorruptImageException($"NTFS: record {record} attribute 0x{type:x} has its value outside the attribute.");
            }

            return new NtfsAttribute
            {
                Type = type, Name = name, Flags = flags, NonResident = false,
                Value = raw.Slice(valueOffset, (int)valueLength).ToArray(),
                DataSize = valueLength, InitializedSize = valueLength, AllocatedSize = valueLength,
            };
        }

        if (raw.Length < 0x40)
        {
            throw new CorruptImageException($"NTFS: record {record} non-resident attribute 0x{type:x} is truncated.");
        }

        var startVcn = BinaryPrimitives.ReadInt64LittleEndian(raw[0x10..]);
        var lastVcn = BinaryPrimitives.ReadInt64LittleEndian(raw[0x18..]);
        int runsOffset = BinaryPrimitives.ReadUInt16LittleEndian(raw[0x20..]);
        int compressionUnit = BinaryPrimitives.ReadUInt16LittleEndian(raw[0x22..]);
        var allocated = BinaryPrimitives.ReadInt64LittleEndian(raw[0x28..]);
        var dataSize = BinaryPrimitives.ReadInt64LittleEndian(raw[0x30..]);
        var initialized = BinaryPrimitives.ReadInt64LittleEndian(raw[0x38..]);
        if (startVcn < 0 || lastVcn < startVcn - 1 || lastVcn >= MaxVcn || runsOffset > raw.Length
            || allocated < 0 || dataSize < 0 || initialized < 0 || compressionUnit > 16)
        {
            throw new CorruptImageException($"NTFS: record {record} attribute 0x{type:x} has invalid VCNs, sizes or runlist offset.");
        }

        return new NtfsAttribute
        {
            Type = type, Name = name, Flags = flags, NonResident = true,
            Runs = NtfsRunList.Decode(raw[runsOffset..], startVcn, lastVcn, clusterCount),
            StartVcn = startVcn, LastVcn = lastVcn, CompressionUnitLog = compressionUnit,
            AllocatedSize = allocated, DataSize = dataSize, InitializedSize = Math.Min(initialized, dataSize),
        };
    }
}
