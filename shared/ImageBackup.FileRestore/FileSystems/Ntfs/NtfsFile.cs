using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>A file's base MFT record with the attributes of all its records, and the facts a listing needs from them.</summary>
internal sealed class NtfsFile(MftRecord record, List<NtfsAttribute> attributes, uint? reparseTag)
{
    public const uint ReparseTagSymlink = 0xA000000C;
    public const uint ReparseTagMountPoint = 0xA0000003;
    public const uint ReparseTagWof = 0x80000017;
    public const uint ReparseTagDedup = 0x80000013;
    private const uint FileAttributeEncrypted = 0x4000;

    public MftRecord Record { get; } = record;
    public List<NtfsAttribute> Attributes { get; } = attributes;
    public ulong Number => Record.Number;

    /// <summary>Extents of the attribute with this type and name (several when it spans extension records).</summary>
    public List<NtfsAttribute> Find(uint type, string name) =>
        Attributes.Where(a => a.Type == type && string.Equals(a.Name, name, StringComparison.Ordinal)).ToList();

    /// <summary>Last modification time from $STANDARD_INFORMATION.</summary>
    public DateTimeOffset ModifiedAt => StandardInformation is { Length: >= 16 } info
        ? NtfsTime.FromFileTime(BinaryPrimitives.ReadInt64LittleEndian(info.AsSpan(8)))
        : DateTimeOffset.UnixEpoch;

    /// <summary>True when $STANDARD_INFORMATION or the data attribute says EFS encryption.</summary>
    public bool Encrypted =>
        (StandardInformation is { Length: >= 0x24 } info && (BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(0x20)) & FileAttributeEncrypted) != 0)
        || Find(NtfsAttribute.Data, string.Empty).Any(a => (a.Flags & NtfsAttribute.FlagEncrypted) != 0);

    /// <summary>The reparse tag, or null without a reparse point.</summary>
    public uint? ReparseTag { get; } = reparseTag;

    public FileEntryKind Kind => ReparseTag is ReparseTagSymlink or ReparseTagMountPoint
        ? FileEntryKind.Symlink
        : Record.DirectoryFlag ? FileEntryKind.Directory : FileEntryKind.File;

    /// <summary>Size of the unnamed $DATA stream (0 when absent).</summary>
    public long DataSize => Find(NtfsAttribute.Data, string.Empty).FirstOrDefault(a => a.StartVcn == 0)?.DataSize ?? 0;

    private byte[]? StandardInformation => Attributes.FirstOrDefault(a => a.Type == NtfsAttribute.StandardInformation && !a.NonResident)?.Value;
}
