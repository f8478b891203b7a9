using System.Buffers.Binary;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>The NTFS boot sector: cluster, MFT record and index block sizes and where $MFT starts, validated against the volume.</summary>
internal sealed class NtfsBootSector
{
    public required int BytesPerSector { get; init; }
    public required int ClusterSize { get; init; }
    public required long ClusterCount { get; init; }
    public required long MftCluster { get; init; }
    public required int MftRecordSize { get; init; }
    public required int IndexBlockSize { get; init; }

    /// <summary>Reads and validates the boot sector at the start of <paramref name="volume"/>.</summary>
    public static NtfsBootSector Read(IRandomAccessSource volume)
    {
        if (volume.Length < 512)
        {
            throw new CorruptImageException("NTFS: volume is smaller than a boot sector.");
        }

        Span<byte> boot = stackalloc byte[512];
        volume.ReadAt(0, boot);
        if (!boot.Slice(3, 8).SequenceEqual("NTFS    "u8))
        {
            throw new CorruptImageException("NTFS: boot sector has no 'NTFS' signature.");
        }

        int bytesPerSector = BinaryPrimitives.ReadUInt16LittleEndian(boot[0x0B..]);
        if (bytesPerSector is < 256 or > 4096 || (bytesPerSector & (bytesPerSector - 1)) != 0)
        {
            throw new CorruptImageException($"NTFS: {bytesPerSector} bytes per sector is invalid.");
        }

        var sectorsPerClusterCode = boot[0x0D];
        var sectorsPerCluster = sectorsPerClusterCode <= 0x80 ? sectorsPerClusterCode : 1 << (256 - sectorsPerClusterCode);
        var clusterSize = (long)bytesPerSector * sectorsPerCluster;
        if (sectorsPerCluster == 0 || (sectorsPerCluster & (sectorsPerCluster - 1)) != 0 || clusterSize > 2 << 20)
        {
            throw new CorruptImageException($"NTFS: sectors-per-cluster code 0x{sectorsPerClusterCode:x2} is invalid.");
        }

        var totalSectors = BinaryPrimitives.ReadInt64LittleEndian(boot[0x28..]);
        var clusterCount = totalSectors / sectorsPerCluster;
        if (totalSectors <= 0 || clusterCount <= 0)
        {
            throw new CorruptImageException($"NTFS: total sector count {totalSectors} is invalid.");
        }

        clusterCount = Math.Min(clusterCount, volume.Length / clusterSize);
        var mftCluster = BinaryPrimitives.ReadInt64LittleEndian(boot[0x30..]);
        if (mftCluster <= 0 || mftCluster >= clusterCount)
        {
            throw new CorruptImageException($"NTFS: $MFT cluster {mftCluster} lies outside the volume.");
        }

        return new NtfsBootSector
        {
            BytesPerSector = bytesPerSector,
            ClusterSize = (int)clusterSize,
            ClusterCount = clusterCount,
            MftCluster = mftCluster,
            MftRecordSize = RecordSize((sbyte)boot[0x40], clusterSize, "MFT record"),
            IndexBlockSize = RecordSize((sbyte)boot[0x44], clusterSize, "index block"),
        };
    }

    private static int RecordSize(sbyte code, long clusterSize, string what)
    {
        long size = code < 0 ? (code < -31 ? 0 : 1L << -code) : code * clusterSize;
        if (size is < 256 or > 65536 || (size & (size - 1)) != 0)
        {
            throw new CorruptImageException($"NTFS: {what} size code {code} gives an invalid size.");
        }

        return (int)size;
    }
}
