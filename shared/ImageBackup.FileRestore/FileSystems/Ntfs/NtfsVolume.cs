using System.Buffers.Binary;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// The volume bytes, boot sector and $MFT mapping, so MFT records can be read by number and files loaded with the
/// attributes of all their extension records.
/// </summary>
internal sealed class NtfsVolume
{
    private const int MaxExtensionRecords = 4096;
    private const int MaxAttributeListSize = 256 * 1024;
    private const int MaxReparseSize = 16 * 1024;

    private NtfsClusterMap mftMap;
    private long mftSize;

    private NtfsVolume(IRandomAccessSource source, NtfsBootSector boot)
    {
        Source = source;
        Boot = boot;
        mftMap = null!;
    }

    public IRandomAccessSource Source { get; }
    public NtfsBootSector Boot { get; }

    /// <summary>Locates $MFT from the boot sector and maps it through its own $DATA runlist (and attribute list, if any).</summary>
    public static NtfsVolume Open(IRandomAccessSource source)
    {
        var boot = NtfsBootSector.Read(source);
        var volume = new NtfsVolume(source, boot);
        var raw = new byte[boot.MftRecordSize];
        source.ReadAt(boot.MftCluster * boot.ClusterSize, raw);
        var mft = MftRecord.Parse(raw, 0, boot.ClusterCount);
        var data = mft.Attributes.Where(a => a.Type == NtfsAttribute.Data && a.Name.Length == 0 && a.NonResident).ToList();
        if (data.Count == 0)
        {
            throw new CorruptImageException("NTFS: $MFT has no non-resident $DATA attribute.");
        }

        var firstExtent = data.FirstOrDefault(a => a.StartVcn == 0)
            ?? throw new CorruptImageException("NTFS: $MFT has no $DATA extent starting at VCN 0.");
        volume.mftMap = NtfsClusterMap.Build([firstExtent], source, boot, "$MFT");
        volume.mftSize = Math.Min(firstExtent.DataSize, volume.mftMap.MappedClusters * boot.ClusterSize);
        if (mft.Attributes.Any(a => a.Type == NtfsAttribute.AttributeList))
        {
            var file = volume.LoadFile(0);
            var extents = file.Attributes.Where(a => a.Type == NtfsAttribute.Data && a.Name.Length == 0 && a.NonResident).ToList();
            var first = extents.FirstOrDefault(a => a.StartVcn == 0)
                ?? throw new CorruptImageException("NTFS: $MFT's attribute list has no $DATA extent starting at VCN 0.");
            volume.mftMap = NtfsClusterMap.Build(extents, source, boot, "$MFT");
            volume.mftSize = Math.Min(first.DataSize, volume.mftMap.MappedClusters * boot.ClusterSize);
        }

        return volume;
    }

    /// <summary>Reads MFT record <paramref name="number"/>; throws when it lies beyond $MFT.</summary>
    public MftRecord ReadRecord(ulong number)
    {
        var size = Boot.MftRecordSize;
        if (number >= (ulong)(mftSize / size))
        {
            throw new CorruptImageException($"NTFS: MFT record {number} lies beyond the end of $MFT.");
        }

        var raw = new byte[size];
        mftMap.ReadAt((long)number * size, raw);
        return MftRecord.Parse(raw, number, Boot.ClusterCount);
    }

    /// <summary>Volume offset of MFT record <paramref name="number"/>, or null when it is not mapped (reported when it is read).</summary>
    public long? RecordOffset(ulong number)
    {
        var size = Boot.MftRecordSize;
        if (number >= (ulong)(mftSize / size))
        {
            return null;
        }

        var position = (long)number * size;
        var index = mftMap.FindRun(position / Boot.ClusterSize);
        if (index < 0 || mftMap.Runs[index].IsSparse)
        {
            return null;
        }

        var run = mftMap.Runs[index];
        return (run.Lcn * Boot.ClusterSize) + (position - (run.Vcn * Boot.ClusterSize));
    }

    /// <summary>Reads a base record and, through its $ATTRIBUTE_LIST, the attributes held in its extension records.</summary>
    public NtfsFile LoadFile(ulong number)
    {
        var record = ReadRecord(number);
        if (!record.InUseFlag)
        {
            throw new CorruptImageException($"NTFS: MFT record {number} is not in use.");
        }

        if (record.BaseRecord != 0)
        {
            throw new CorruptImageException($"NTFS: MFT record {number} is an extension record, not a file.");
        }

        var list = record.Attributes.FirstOrDefault(a => a.Type == NtfsAttribute.AttributeList);
        if (list is null)
        {
            return new NtfsFile(record, record.Attributes, ReparseTag(record.Attributes, number));
        }

        var attributes = new List<NtfsAttribute>(record.Attributes);
        foreach (var extension in ExtensionRecords(ReadValue(list, MaxAttributeListSize, $"record {number} $ATTRIBUTE_LIST"), number))
        {
            var extra = ReadRecord(extension);
            if (!extra.InUseFlag || extra.BaseRecord != number)
            {
                throw new CorruptImageException($"NTFS: MFT record {extension} listed by record {number}'s attribute list does not belong to it.");
            }

            attributes.AddRange(extra.Attributes);
        }

        return new NtfsFile(record, attributes, ReparseTag(attributes, number));
    }

    private uint? ReparseTag(List<NtfsAttribute> attributes, ulong number)
    {
        var reparse = attributes.FirstOrDefault(a => a.Type == NtfsAttribute.ReparsePoint && a.StartVcn == 0);
        if (reparse is null)
        {
            return null;
        }

        var value = ReadValue(reparse, MaxReparseSize, $"record {number} $REPARSE_POINT");
        return value.Length >= 8
            ? BinaryPrimitives.ReadUInt32LittleEndian(value)
            : throw new CorruptImageException($"NTFS: record {number} has a truncated reparse point.");
    }

    /// <summary>The whole value of a (small) attribute, resident or not, refused above <paramref name="limit"/> bytes.</summary>
    public byte[] ReadValue(NtfsAttribute attribute, int limit, string what)
    {
        if (!attribute.NonResident)
        {
            return attribute.Value;
        }

        if (attribute.DataSize > limit)
        {
            throw new CorruptImageException($"NTFS: {what} is {attribute.DataSize} bytes, more than the {limit} allowed.");
        }

        var value = new byte[attribute.DataSize];
        var map = NtfsClusterMap.Build([attribute], Source, Boot, what);
        var initialized = (int)Math.Min(attribute.InitializedSize, value.Length);
        map.ReadAt(0, value.AsSpan(0, initialized));
        return value;
    }

    private static SortedSet<ulong> ExtensionRecords(byte[] list, ulong baseRecord)
    {
        var records = new SortedSet<ulong>();
        var position = 0;
        while (position + 0x1A <= list.Length)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(list.AsSpan(position + 4));
            if (length < 0x1A || position + length > list.Length)
            {
                throw new CorruptImageException($"NTFS: record {baseRecord} has an attribute list entry of length {length}.");
            }

            var record = BinaryPrimitives.ReadUInt64LittleEndian(list.AsSpan(position + 0x10)) & 0xFFFF_FFFF_FFFF;
            if (record != baseRecord && records.Add(record) && records.Count > MaxExtensionRecords)
            {
                throw new CorruptImageException($"NTFS: record {baseRecord} lists more than {MaxExtensionRecords} extension records.");
            }

            position += (length + 7) & ~7;
        }

        return records;
    }
}
