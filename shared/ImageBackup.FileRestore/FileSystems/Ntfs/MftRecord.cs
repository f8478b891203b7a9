using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// One FILE record of the MFT after fixups: in-use and directory flags, the base record it extends, and its attributes
/// (walked with every length checked, so a hostile record cannot point outside itself or loop).
/// </summary>
internal sealed class MftRecord
{
    private const ushort InUse = 0x1;
    private const ushort IsDirectory = 0x2;

    public required ulong Number { get; init; }
    public required ushort Sequence { get; init; }
    public required bool InUseFlag { get; init; }
    public required bool DirectoryFlag { get; init; }
    public required ulong BaseRecord { get; init; }
    public required List<NtfsAttribute> Attributes { get; init; }

    /// <summary>Parses a raw record (fixups are applied here).</summary>
    public static MftRecord Parse(byte[] raw, ulong number, long clusterCount)
    {
        var span = raw.AsSpan();
        if (!span[..4].SequenceEqual("FILE"u8))
        {
            throw new CorruptImageException($"NTFS: MFT record {number} has no 'FILE' signature.");
        }

        NtfsFixup.Apply(span, $"MFT record {number}");
        var sequence = BinaryPrimitives.ReadUInt16LittleEndian(span[0x10..]);
        int attributeOffset = BinaryPrimitives.ReadUInt16LittleEndian(span[0x14..]);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[0x16..]);
        var used = BinaryPrimitives.ReadUInt32LittleEndian(span[0x18..]);
        var baseRecord = BinaryPrimitives.ReadUInt64LittleEndian(span[0x20..]) & 0xFFFF_FFFF_FFFF;
        if (used > raw.Length || attributeOffset < 0x2A || attributeOffset > used - 4)
        {
            throw new CorruptImageException($"NTFS: MFT record {number} has invalid used size ({used}) or attribute offset ({attributeOffset}).");
        }

        var attributes = new List<NtfsAttribute>();
        var position = attributeOffset;
        while (true)
        {
            if (position + 4 > used)
            {
                throw new CorruptImageException($"NTFS: MFT record {number} has no attribute end marker.");
            }

            var type = BinaryPrimitives.ReadUInt32LittleEndian(span[position..]);
            if (type == NtfsAttribute.End)
            {
                break;
            }

            var length = position + 8 <= used ? BinaryPrimitives.ReadUInt32LittleEndian(span[(position + 4)..]) : 0;
            if (length < 0x18 || length % 8 != 0 || length > used - position)
            {
                throw new CorruptImageException($"NTFS: MFT record {number} has an attribute of length {length} at {position}.");
            }

            attributes.Add(NtfsAttribute.Parse(span.Slice(position, (int)length), clusterCount, number));
            position += (int)length;
        }

        return new MftRecord
        {
            Number = number,
            Sequence = sequence,
            InUseFlag = (flags & InUse) != 0,
            DirectoryFlag = (flags & IsDirectory) != 0,
            BaseRecord = baseRecord,
            Attributes = attributes,
        };
    }
}
