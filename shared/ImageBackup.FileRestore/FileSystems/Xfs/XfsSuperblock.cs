using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// The primary XFS superblock (AG 0, sector 0): geometry, version and feature bits, validated so every later address
/// computation stays inside the volume.
/// </summary>
internal sealed class XfsSuperblock
{
    private const uint Magic = 0x58465342; // "XFSB"
    private const ushort VersionDirV2 = 0x2000;
    private const ushort VersionMoreBits = 0x8000;
    private const uint Features2Ftype = 0x200;

    /// <summary>Incompatible features (v5) this reader understands: ftype, sparse inodes, meta_uuid, bigtime, needsrepair (warned), nrext64.</summary>
    private static readonly (uint Bit, string Name)[] KnownIncompat =
    [
        (0x1, "ftype"), (0x2, "sparse inodes"), (0x4, "meta_uuid"), (0x8, "bigtime"), (0x10, "needsrepair"), (0x20, "nrext64"),
    ];

    private static readonly (uint Bit, string Name)[] UnknownIncompatNames =
    [
        (0x40, "exchange-range"), (0x80, "parent pointers"), (0x100, "metadata directory"), (0x200, "zoned"),
    ];

    public required uint BlockSize { get; init; }
    public required int SectorSize { get; init; }
    public required ulong DataBlocks { get; init; }
    public required ulong LogStart { get; init; }
    public required uint LogBlocks { get; init; }
    public required ulong RootInode { get; init; }
    public required uint AgBlocks { get; init; }
    public required uint AgCount { get; init; }
    public required int Version { get; init; }
    public required int InodeSize { get; init; }
    public required int BlockLog { get; init; }
    public required int InodesPerBlockLog { get; init; }
    public required int AgBlockLog { get; init; }
    public required bool InProgress { get; init; }
    public required int DirBlockLog { get; init; }
    public required bool HasFtype { get; init; }
    public required bool NeedsRepair { get; init; }
    public required bool NRext64 { get; init; }
    public required uint LogIncompat { get; init; }
    public required string? Label { get; init; }

    /// <summary>True for v5 (CRC-enabled) file systems, whose metadata blocks carry self-describing headers.</summary>
    public bool HasCrc => Version == 5;

    /// <summary>Directory block size in bytes.</summary>
    public int DirBlockSize => (int)(BlockSize << DirBlockLog);

    /// <summary>Reads and validates the superblock; refuses realtime devices and unknown incompatible features.</summary>
    public static XfsSuperblock Read(IRandomAccessSource volume)
    {
        if (volume.Length < 512)
        {
            throw new CorruptImageException("XFS: volume is smaller than a superblock.");
        }

        Span<byte> sb = stackalloc byte[512];
        volume.ReadAt(0, sb);
        if (BinaryPrimitives.ReadUInt32BigEndian(sb) != Magic)
        {
            throw new CorruptImageException("XFS: superblock magic 'XFSB' not found.");
        }

        var blockSize = BinaryPrimitives.ReadUInt32BigEndian(sb[4..]);
        var dataBlocks = BinaryPrimitives.ReadUInt64BigEndian(sb[8..]);
        var realtimeBlocks = BinaryPrimitives.ReadUInt64BigEndian(sb[16..]);
        var realtimeExtents = BinaryPrimitives.ReadUInt64BigEndian(sb[24..]);
        var logStart = BinaryPrimitives.ReadUInt64BigEndian(sb[48..]);
        var rootInode = BinaryPrimitives.ReadUInt64BigEndian(sb[56..]);
        var agBlocks = BinaryPrimitives.ReadUInt32BigEndian(sb[84..]);
        var agCount = BinaryPrimitives.ReadUInt32BigEndian(sb[88..]);
        var logBlocks = BinaryPrimitives.ReadUInt32BigEndian(sb[96..]);
        var versionNum = BinaryPrimitives.ReadUInt16BigEndian(sb[100..]);
        var sectorSize = BinaryPrimitives.ReadUInt16BigEndian(sb[102..]);
        var inodeSize = BinaryPrimitives.ReadUInt16BigEndian(sb[104..]);
        var inodesPerBlock = BinaryPrimitives.ReadUInt16BigEndian(sb[106..]);
        var blockLog = sb[120];
        var inodeLog = sb[122];
        var inodesPerBlockLog = sb[123];
        var agBlockLog = sb[124];
        var inProgress = sb[126] != 0;
        var dirBlockLog = sb[192];
        var features2 = BinaryPrimitives.ReadUInt32BigEndian(sb[200..]);
        var incompat = BinaryPrimitives.ReadUInt32BigEndian(sb[216..]);
        var logIncompat = BinaryPrimitives.ReadUInt32BigEndian(sb[220..]);
        var version = versionNum & 0xF;

        if (version is not (4 or 5))
        {
            throw new UnsupportedLayoutException($"XFS: superblock version {version} is not supported (only v4 and v5).");
        }

        if (version == 4 && (versionNum & VersionDirV2) == 0)
        {
            throw new UnsupportedLayoutException("XFS: version 1 directories (pre-dirv2 XFS) are not supported.");
        }

        if (blockLog is < 9 or > 16 || blockSize != 1u << blockLog)
        {
            throw new CorruptImageException($"XFS: block size {blockSize} (log {blockLog}) is invalid.");
        }

        if (inodeLog is < 8 or > 11 || inodeSize != 1 << inodeLog || inodeSize > blockSize
            || inodesPerBlockLog != blockLog - inodeLog || inodesPerBlock != 1 << inodesPerBlockLog)
        {
            throw new CorruptImageException($"XFS: inode size {inodeSize} / {inodesPerBlock} per block is inconsistent.");
        }

        if (sectorSize is < 512 or > 32768 || (sectorSize & (sectorSize - 1)) != 0)
        {
            throw new CorruptImageException($"XFS: sector size {sectorSize} is invalid.");
        }

        if (agCount == 0 || agBlocks < 16 || agBlockLog > 31 || agBlocks > 1u << agBlockLog
            || (agBlockLog > 0 && agBlocks <= 1u << (agBlockLog - 1)))
        {
            throw new CorruptImageException($"XFS: allocation group geometry ({agCount} × {agBlocks} blocks, log {agBlockLog}) is invalid.");
        }

        if (dataBlocks == 0 || dataBlocks > (ulong)agCount * agBlocks || (ulong)agCount * agBlocks - dataBlocks >= agBlocks
            || dataBlocks > (ulong)(volume.Length / blockSize) + agBlocks)
        {
            throw new CorruptImageException($"XFS: {dataBlocks} data blocks do not fit {agCount} AGs of {agBlocks} blocks in a volume of {volume.Length} bytes.");
        }

        if (dirBlockLog > 6 || blockLog + dirBlockLog > 16)
        {
            throw new CorruptImageException($"XFS: directory block log {dirBlockLog} is invalid.");
        }

        if (realtimeBlocks != 0 || realtimeExtents != 0)
        {
            throw new UnsupportedLayoutException("XFS: this file system has a realtime device, which is not supported.");
        }

        var hasFtype = false;
        if (version == 5)
        {
            var unknown = incompat;
            foreach (var (bit, _) in KnownIncompat)
            {
                unknown &= ~bit;
            }

            if (unknown != 0)
            {
                var names = UnknownIncompatNames.Where(f => (unknown & f.Bit) != 0).Select(f => f.Name).ToList();
                var rest = UnknownIncompatNames.Aggregate(unknown, (u, f) => u & ~f.Bit);
                if (rest != 0)
                {
                    names.Add($"0x{rest:x}");
                }

                throw new UnsupportedLayoutException($"XFS: unsupported incompatible features: {string.Join(", ", names)}.");
            }

            hasFtype = (incompat & 0x1) != 0;
        }
        else if ((versionNum & VersionMoreBits) != 0)
        {
            hasFtype = (features2 & Features2Ftype) != 0;
        }

        var name = Encoding.UTF8.GetString(sb.Slice(108, 12)).TrimEnd('\0');
        return new XfsSuperblock
        {
            BlockSize = blockSize,
            SectorSize = sectorSize,
            DataBlocks = dataBlocks,
            LogStart = logStart,
            LogBlocks = logBlocks,
            RootInode = rootInode,
            AgBlocks = agBlocks,
            AgCount = agCount,
            Version = version,
            InodeSize = inodeSize,
            BlockLog = blockLog,
            InodesPerBlockLog = inodesPerBlockLog,
            AgBlockLog = agBlockLog,
            InProgress = inProgress,
            DirBlockLog = dirBlockLog,
            HasFtype = hasFtype,
            NeedsRepair = version == 5 && (incompat & 0x10) != 0,
            NRext64 = version == 5 && (incompat & 0x20) != 0,
            LogIncompat = version == 5 ? logIncompat : 0,
            Label = name.Length == 0 ? null : name,
        };
    }

    /// <summary>Byte offset of a file-system block number (AG number in the high bits); throws when outside the file system.</summary>
    public long FsBlockToOffset(ulong fsBlock, ulong blockCount = 1)
    {
        var agNumber = fsBlock >> AgBlockLog;
        var agBlock = fsBlock & ((1UL << AgBlockLog) - 1);
        if (agNumber >= AgCount || agBlock + blockCount > AgBlocks || blockCount == 0)
        {
            throw new CorruptImageException($"XFS: block {fsBlock} (+{blockCount}) lies outside the file system.");
        }

        var linear = (agNumber * AgBlocks) + agBlock;
        if (linear + blockCount > DataBlocks)
        {
            throw new CorruptImageException($"XFS: block {fsBlock} (+{blockCount}) lies beyond the last data block.");
        }

        return (long)(linear * BlockSize);
    }

    /// <summary>Byte offset of an inode; throws when the number cannot address an inode in this file system.</summary>
    public long InodeOffset(ulong inode)
    {
        var perBlockMask = (1UL << InodesPerBlockLog) - 1;
        var fsBlock = inode >> InodesPerBlockLog;
        if (AgBlockLog + InodesPerBlockLog + 32 < 64 && inode >> (AgBlockLog + InodesPerBlockLog + 32) != 0)
        {
            throw new CorruptImageException($"XFS: inode number {inode} is out of range.");
        }

        return FsBlockToOffset(fsBlock) + (long)((inode & perBlockMask) * (ulong)InodeSize);
    }
}
