using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>
/// An LVM2 physical volume found in the image: the "LABELONE" label in one of its first four sectors, its PV uuid and
/// the current metadata text of its first metadata area (circular buffer, wrap-around handled).
/// </summary>
/// <param name="Name">Volume name of the partition or disk holding the PV.</param>
/// <param name="Uuid">The 32-character PV uuid (no dashes).</param>
/// <param name="Source">The bytes of the PV.</param>
/// <param name="Metadata">Parsed metadata text, or null when the PV has no metadata area.</param>
internal sealed record LvmPhysicalVolume(string Name, string Uuid, IRandomAccessSource Source, LvmSection? Metadata)
{
    private const int SectorSize = 512;
    private const int MaxMetadataText = 4 << 20;
    private const int MaxAreas = 16;

    /// <summary>True when one of the first four sectors carries an LVM2 label.</summary>
    public static bool HasLabel(IRandomAccessSource source) => FindLabel(source) >= 0;

    /// <summary>Reads the label, PV header and current metadata text.</summary>
    public static LvmPhysicalVolume Read(string name, IRandomAccessSource source)
    {
        var labelSector = FindLabel(source);
        if (labelSector < 0)
        {
            throw new CorruptImageException($"{name}: no LVM2 label");
        }
        var sector = new byte[SectorSize];
        source.ReadAt(labelSector * SectorSize, sector);
        var headerOffset = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(20));
        if (headerOffset < 32 || headerOffset > SectorSize - 48)
        {
            throw new CorruptImageException($"{name}: LVM2 label points to its PV header at offset {headerOffset}");
        }
        var header = sector.AsSpan((int)headerOffset);
        var uuid = Encoding.ASCII.GetString(header[..32]);
        var position = 40;
        var areas = new List<(long Offset, long Size)>();
        var dataAreasDone = false;
        var metadataAreas = new List<(long Offset, long Size)>();
        for (var i = 0; i < MaxAreas * 2 && position + 16 <= header.Length; i++, position += 16)
        {
            var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[position..]);
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[(position + 8)..]);
            if (offset == 0 && size == 0)
            {
                if (dataAreasDone)
                {
                    break;
                }
                dataAreasDone = true;
                continue;
            }
            (dataAreasDone ? metadataAreas : areas).Add((offset, size));
        }
        LvmSection? metadata = null;
        foreach (var (offset, size) in metadataAreas)
        {
            metadata = ReadMetadataArea(name, source, offset, size);
            if (metadata is not null)
            {
                break;
            }
        }
        return new LvmPhysicalVolume(name, uuid, source, metadata);
    }

    private static int FindLabel(IRandomAccessSource source)
    {
        var sector = new byte[32];
        for (var index = 0; index < 4; index++)
        {
            if ((index + 1L) * SectorSize > source.Length)
            {
                return -1;
            }
            source.ReadAt(index * SectorSize, sector);
            if (sector.AsSpan(0, 8).SequenceEqual("LABELONE"u8) && sector.AsSpan(24, 8).SequenceEqual("LVM2 001"u8))
            {
                return index;
            }
        }
        return -1;
    }

    private static LvmSection? ReadMetadataArea(string name, IRandomAccessSource source, long areaOffset, long areaSize)
    {
        if (areaOffset < 0 || areaSize < SectorSize * 2 || areaOffset > source.Length || source.Length - areaOffset < areaSize)
        {
            throw new CorruptImageException($"{name}: LVM2 metadata area {areaOffset}+{areaSize} lies outside the PV");
        }
        var header = new byte[SectorSize];
        source.ReadAt(areaOffset, header);
        if (!header.AsSpan(4, 16).SequenceEqual(" LVM2 x[5A%r0N*>"u8))
        {
            throw new CorruptImageException($"{name}: LVM2 metadata area at {areaOffset} has no header magic");
        }
        var textOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(40));
        var textSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(48));
        if (textOffset == 0 && textSize == 0)
        {
            return null;
        }
        if (textOffset < SectorSize || textOffset >= areaSize || textSize <= 0 || textSize > Math.Min(MaxMetadataText, areaSize - SectorSize))
        {
            throw new CorruptImageException($"{name}: LVM2 metadata text {textOffset}+{textSize} does not fit its {areaSize}-byte area");
        }
        var text = new byte[textSize];
        var first = Math.Min(textSize, areaSize - textOffset);
        source.ReadAt(areaOffset + textOffset, text.AsSpan(0, (int)first));
        if (first < textSize)
        {
            source.ReadAt(areaOffset + SectorSize, text.AsSpan((int)first));
        }
        var end = Array.IndexOf(text, (byte)0);
        return LvmTextParser.Parse(Encoding.UTF8.GetString(text, 0, end < 0 ? text.Length : end));
    }
}
