using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Read-only NTFS straight from the volume bytes, so Windows servers' files are restored from a generation without
/// mounting: $MFT with fixups and attribute lists, resident, non-resident, sparse and LZNT1-compressed data, $I30
/// directories with Win32 names; EFS, WOF and deduplicated files are refused by name. Alternate data streams are not
/// exposed (only the unnamed $DATA stream is read).
/// </summary>
public sealed class NtfsFileSystem : IReadOnlyFileSystem
{
    private const ulong RootRecord = 5;
    private const ulong FirstUserRecord = 16;
    private const int MaxReparseSize = 16 * 1024;

    private readonly NtfsVolume volume;

    private NtfsFileSystem(NtfsVolume volume, FileEntry root, string? label, IReadOnlyList<string> warnings)
    {
        this.volume = volume;
        Root = root;
        Label = label;
        Warnings = warnings;
    }

    public string Kind => "ntfs";

    public string? Label { get; }

    public IReadOnlyList<string> Warnings { get; }

    public FileEntry Root { get; }

    /// <summary>Opens the NTFS file system on <paramref name="volume"/>.</summary>
    public static IReadOnlyFileSystem Open(IRandomAccessSource volume)
    {
        var ntfs = NtfsVolume.Open(volume);
        var root = ntfs.LoadFile(RootRecord);
        if (!root.Record.DirectoryFlag)
        {
            throw new CorruptImageException("NTFS: the root directory record is not a directory.");
        }

        var (warnings, label) = NtfsLogFileCheck.Check(ntfs);
        return new NtfsFileSystem(ntfs, ToEntry(string.Empty, root), label, warnings);
    }

    public IEnumerable<FileEntry> List(FileEntry directory)
    {
        var file = volume.LoadFile(directory.NodeId);
        if (!file.Record.DirectoryFlag)
        {
            throw new CorruptImageException($"NTFS: record {directory.NodeId} is not a directory.");
        }

        // System files ($MFT, $LogFile, $Extend…) live in reserved records below 16; they are not user data.
        var entries = NtfsIndexReader.Read(volume, file)
            .Where(entry => entry.Namespace != NtfsIndexEntry.NamespaceDos && entry.Record != file.Number && entry.Record >= FirstUserRecord);
        return PrefetchWindow.Read(entries, volume.Source, entry => volume.RecordOffset(entry.Record), volume.Boot.MftRecordSize,
            entry => ToEntry(entry.Name, volume.LoadFile(entry.Record)));
    }

    public Stream OpenRead(FileEntry file)
    {
        var ntfs = volume.LoadFile(file.NodeId);
        if (ntfs.Record.DirectoryFlag || ntfs.Kind != FileEntryKind.File)
        {
            throw new CorruptImageException($"NTFS: record {file.NodeId} is not a regular file.");
        }

        Refuse(ntfs, file.Name);
        var extents = ntfs.Find(NtfsAttribute.Data, string.Empty);
        if (extents.Count == 0)
        {
            return new MemoryStream([], writable: false);
        }

        var first = extents.FirstOrDefault(a => a.StartVcn == 0) ?? extents[0];
        if (!first.NonResident)
        {
            return new MemoryStream(first.Value, writable: false);
        }

        var map = NtfsClusterMap.Build(extents, volume.Source, volume.Boot, $"record {file.NodeId} $DATA");
        var clusterSize = volume.Boot.ClusterSize;
        var unitClusters = 0;
        if ((first.Flags & NtfsAttribute.FlagCompressed) != 0)
        {
            if (first.CompressionUnitLog is 0 or > 8 || clusterSize > 4096)
            {
                throw new UnsupportedLayoutException($"NTFS: '{file.Name}' is compressed with unit 2^{first.CompressionUnitLog} clusters of {clusterSize} bytes, which NTFS LZNT1 does not use.");
            }

            unitClusters = 1 << first.CompressionUnitLog;
        }

        if (first.DataSize > map.MappedClusters * clusterSize)
        {
            throw new CorruptImageException($"NTFS: record {file.NodeId} $DATA is {first.DataSize} bytes but its runlist maps only {map.MappedClusters} clusters.");
        }

        return new NtfsDataStream(map, first.DataSize, first.InitializedSize, clusterSize, unitClusters);
    }

    public string ReadLinkTarget(FileEntry link)
    {
        var file = volume.LoadFile(link.NodeId);
        var reparse = file.Attributes.FirstOrDefault(a => a.Type == NtfsAttribute.ReparsePoint)
            ?? throw new CorruptImageException($"NTFS: record {link.NodeId} has no reparse point.");
        var value = volume.ReadValue(reparse, MaxReparseSize, $"record {link.NodeId} $REPARSE_POINT").AsSpan();
        if (value.Length < 16)
        {
            throw new CorruptImageException($"NTFS: record {link.NodeId} has a truncated reparse point.");
        }

        var tag = BinaryPrimitives.ReadUInt32LittleEndian(value);
        var buffer = tag switch
        {
            NtfsFile.ReparseTagSymlink => 20,
            NtfsFile.ReparseTagMountPoint => 16,
            _ => throw new CorruptImageException($"NTFS: record {link.NodeId} reparse tag 0x{tag:x8} is not a link."),
        };
        int substituteOffset = BinaryPrimitives.ReadUInt16LittleEndian(value[8..]);
        int substituteLength = BinaryPrimitives.ReadUInt16LittleEndian(value[10..]);
        if (buffer + substituteOffset + substituteLength > value.Length || substituteLength % 2 != 0)
        {
            throw new CorruptImageException($"NTFS: record {link.NodeId} reparse point has its substitute name outside the data.");
        }

        return Encoding.Unicode.GetString(value.Slice(buffer + substituteOffset, substituteLength));
    }

    private static void Refuse(NtfsFile file, string name)
    {
        if (file.Encrypted)
        {
            throw new UnsupportedLayoutException($"NTFS: '{name}' is EFS-encrypted; its content cannot be restored without the user's key.");
        }

        switch (file.ReparseTag)
        {
            case NtfsFile.ReparseTagWof:
                throw new UnsupportedLayoutException($"NTFS: '{name}' is WOF-compressed (compact OS / wof.sys); its content lives in a named stream this reader does not decode.");
            case NtfsFile.ReparseTagDedup:
                throw new UnsupportedLayoutException($"NTFS: '{name}' is deduplicated (Windows Data Deduplication); its content lives in the chunk store, not in the file.");
            case { } tag when (tag & 0x20000000) == 0:
                // Other tags that are not name surrogates (cloud files, HSM…) keep the content somewhere else.
                throw new UnsupportedLayoutException($"NTFS: '{name}' has reparse tag 0x{tag:x8}; its content is not stored in the file.");
        }
    }

    private static FileEntry ToEntry(string name, NtfsFile file)
    {
        var kind = file.Kind;
        return new FileEntry(name, kind, kind == FileEntryKind.File ? file.DataSize : 0, file.ModifiedAt, null, file.Number);
    }
}
