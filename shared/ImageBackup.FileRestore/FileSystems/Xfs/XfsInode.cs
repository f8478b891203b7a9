using System.Buffers.Binary;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// One on-disk XFS inode (v1/v2 on v4 file systems, v3 with CRC fields on v5): type, size, times and the raw data fork,
/// checked so fork sizes and counts never exceed the inode's own bytes.
/// </summary>
internal sealed class XfsInode
{
    public const byte FormatDevice = 0;
    public const byte FormatLocal = 1;
    public const byte FormatExtents = 2;
    public const byte FormatBtree = 3;

    private const ushort Magic = 0x494e; // "IN"
    private const ushort RealtimeFlag = 0x1;
    private const ulong BigTimeFlag = 1UL << 3;
    private const long BigTimeEpochOffset = 2147483648L; // bigtime counts from 1901-12-13T20:45:52Z

    public required ulong Number { get; init; }
    public required ushort Mode { get; init; }
    public required byte Format { get; init; }
    public required long Size { get; init; }
    public required DateTimeOffset ModifiedAt { get; init; }
    public required ulong ExtentCount { get; init; }
    public required bool Realtime { get; init; }

    /// <summary>The data fork bytes (length = fork size), copied out of the inode.</summary>
    public required byte[] DataFork { get; init; }

    public FileEntryKind Kind => (Mode & 0xF000) switch
    {
        0x4000 => FileEntryKind.Directory,
        0x8000 => FileEntryKind.File,
        0xA000 => FileEntryKind.Symlink,
        _ => FileEntryKind.Other,
    };

    /// <summary>Reads inode <paramref name="number"/> and validates its core.</summary>
    public static XfsInode Read(XfsVolume volume, ulong number)
    {
        var sb = volume.Superblock;
        var raw = new byte[sb.InodeSize];
        volume.Source.ReadAt(sb.InodeOffset(number), raw);
        var span = raw.AsSpan();
        if (BinaryPrimitives.ReadUInt16BigEndian(span) != Magic)
        {
            throw new CorruptImageException($"XFS: inode {number} has no 'IN' magic.");
        }

        var version = span[4];
        var coreSize = version == 3 ? 176 : 100;
        if (sb.HasCrc ? version != 3 : version is not (1 or 2))
        {
            throw new CorruptImageException($"XFS: inode {number} has version {version}, invalid for a v{sb.Version} file system.");
        }

        if (version == 3 && BinaryPrimitives.ReadUInt64BigEndian(span[152..]) != number)
        {
            throw new CorruptImageException($"XFS: inode {number} records a different inode number.");
        }

        var mode = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
        var format = span[5];
        var size = BinaryPrimitives.ReadInt64BigEndian(span[56..]);
        if (size < 0)
        {
            throw new CorruptImageException($"XFS: inode {number} has a negative size.");
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(span[90..]);
        var flags2 = version == 3 ? BinaryPrimitives.ReadUInt64BigEndian(span[120..]) : 0;
        var extentCount = sb.NRext64 && version == 3 && (flags2 & (1UL << 4)) != 0
            ? BinaryPrimitives.ReadUInt64BigEndian(span[24..])
            : BinaryPrimitives.ReadUInt32BigEndian(span[76..]);
        var forkOffset = span[82];
        var forkSize = forkOffset == 0 ? sb.InodeSize - coreSize : forkOffset * 8;
        if (forkSize <= 0 || coreSize + forkSize > sb.InodeSize)
        {
            throw new CorruptImageException($"XFS: inode {number} has an attribute fork offset ({forkOffset}) outside the inode.");
        }

        return new XfsInode
        {
            Number = number,
            Mode = mode,
            Format = format,
            Size = size,
            ModifiedAt = ReadTime(span[40..], (flags2 & BigTimeFlag) != 0),
            ExtentCount = extentCount,
            Realtime = (flags & RealtimeFlag) != 0,
            DataFork = span.Slice(coreSize, forkSize).ToArray(),
        };
    }

    private static DateTimeOffset ReadTime(ReadOnlySpan<byte> stamp, bool bigTime)
    {
        long ticks;
        if (bigTime)
        {
            var nanoseconds = BinaryPrimitives.ReadUInt64BigEndian(stamp);
            var seconds = (long)(nanoseconds / 1_000_000_000UL) - BigTimeEpochOffset;
            ticks = (seconds * TimeSpan.TicksPerSecond) + (long)(nanoseconds % 1_000_000_000UL / 100);
        }
        else
        {
            var seconds = BinaryPrimitives.ReadInt32BigEndian(stamp);
            var nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(stamp[4..]) % 1_000_000_000u;
            ticks = (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100);
        }

        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
