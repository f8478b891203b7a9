using System.Buffers.Binary;
using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>
/// Read-only ext2/3/4 straight from the volume's bytes: superblock, group descriptors, inodes, extent trees and
/// indirect blocks, linear directories and symlinks. Refuses features it does not read and range-checks everything,
/// so a damaged or hostile image ends in a <see cref="CorruptImageException"/>.
/// </summary>
public sealed class ExtFileSystem : IReadOnlyFileSystem, IDirectoryLookup
{
    private const uint RootInode = 2;
    private const int MaxSymlinkLength = 4096;
    private const int MetadataCacheBlocks = 64;
    private const int MaxCachedGroups = 4096;
    private readonly Dictionary<long, byte[]> metadataCache = [];
    private readonly Dictionary<uint, long> inodeTables = [];
    private readonly object cacheGate = new();

    private ExtFileSystem(IRandomAccessSource source, ExtSuperblock superblock)
    {
        Source = source;
        Superblock = superblock;
        var warnings = new List<string>();
        if ((superblock.Incompat & ExtFeatures.IncompatRecover) != 0)
        {
            warnings.Add("dirty journal: the file system was not cleanly unmounted (needs_recovery); files are read as of the last journal checkpoint and recent changes may be missing");
        }
        else if ((superblock.State & 1) == 0)
        {
            warnings.Add("the file system was not cleanly unmounted");
        }
        if ((superblock.State & 2) != 0)
        {
            warnings.Add("the file system is marked as having errors");
        }
        Warnings = warnings;
        Root = ToEntry("", ReadInode(RootInode));
        if (Root.Kind != FileEntryKind.Directory)
        {
            throw new CorruptImageException("ext root inode 2 is not a directory");
        }
    }

    /// <inheritdoc />
    public string Kind => Superblock.Kind;

    /// <inheritdoc />
    public string? Label => Superblock.Label;

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc />
    public FileEntry Root { get; }

    internal IRandomAccessSource Source { get; }

    internal ExtSuperblock Superblock { get; }

    /// <summary>True when <paramref name="source"/> carries the ext magic (0xEF53 at byte 1080).</summary>
    public static bool Probe(IRandomAccessSource source) => ExtSuperblock.HasMagic(source);

    /// <summary>Opens the ext2/3/4 file system at the start of <paramref name="source"/>.</summary>
    public static ExtFileSystem Open(IRandomAccessSource source) => new(source, ExtSuperblock.Read(source));

    /// <inheritdoc />
    public IEnumerable<FileEntry> List(FileEntry directory)
    {
        var inode = ReadInode(CheckedInodeNumber(directory.NodeId));
        if (inode.Kind != FileEntryKind.Directory)
        {
            throw new CorruptImageException($"ext inode {inode.Number} is not a directory");
        }
        return PrefetchWindow.Read(ExtDirectoryReader.Read(this, inode), Source, item => InodeOffset(item.Inode), Superblock.InodeSize,
            item => ToEntry(item.Name, ReadInode(item.Inode)));
    }

    /// <summary>Byte offset of inode <paramref name="number"/>, or null when it is out of range (reported when it is read).</summary>
    private long? InodeOffset(uint number)
    {
        if (number < 1 || number > Superblock.InodesCount)
        {
            return null;
        }
        var group = (number - 1) / Superblock.InodesPerGroup;
        var index = (number - 1) % Superblock.InodesPerGroup;
        return (InodeTableBlock(group) * Superblock.BlockSize) + ((long)index * Superblock.InodeSize);
    }

    /// <inheritdoc />
    public FileEntry? Find(FileEntry directory, string name)
    {
        var inode = ReadInode(CheckedInodeNumber(directory.NodeId));
        if (inode.Kind != FileEntryKind.Directory)
        {
            throw new CorruptImageException($"ext inode {inode.Number} is not a directory");
        }
        foreach (var (number, entryName) in ExtDirectoryReader.Read(this, inode))
        {
            if (string.Equals(entryName, name, StringComparison.Ordinal))
            {
                return ToEntry(entryName, ReadInode(number));
            }
        }
        return null;
    }

    /// <inheritdoc />
    public Stream OpenRead(FileEntry file)
    {
        var inode = ReadInode(CheckedInodeNumber(file.NodeId));
        if (inode.Kind != FileEntryKind.File)
        {
            throw new CorruptImageException($"ext inode {inode.Number} is not a regular file");
        }
        RefuseUnreadableInode(inode);
        if (inode.Size > MaxFileSize(inode))
        {
            throw new CorruptImageException($"ext inode {inode.Number}: size {inode.Size} exceeds what its block map can address");
        }
        return new ExtFileStream(this, inode);
    }

    /// <inheritdoc />
    public string ReadLinkTarget(FileEntry link)
    {
        var inode = ReadInode(CheckedInodeNumber(link.NodeId));
        if (inode.Kind != FileEntryKind.Symlink)
        {
            throw new CorruptImageException($"ext inode {inode.Number} is not a symbolic link");
        }
        RefuseUnreadableInode(inode);
        if (inode.Size > MaxSymlinkLength || inode.Size == 0)
        {
            throw new CorruptImageException($"ext symlink inode {inode.Number}: length {inode.Size} is out of range");
        }
        var dataBlocks = inode.Blocks512 - (inode.FileAcl != 0 ? Superblock.BlockSize / 512 : 0);
        byte[] target;
        if ((inode.Flags & ExtFeatures.InodeFlagExtents) == 0 && inode.Size < 60 && dataBlocks <= 0)
        {
            target = inode.BlockArea.AsSpan(0, (int)inode.Size).ToArray();
        }
        else
        {
            target = new byte[inode.Size];
            using var stream = new ExtFileStream(this, inode);
            stream.ReadExactly(target);
        }
        return Encoding.UTF8.GetString(target);
    }

    /// <summary>Throws unless <c>[block, block + count)</c> lies inside the file system.</summary>
    internal void CheckBlockRange(long block, long count, uint inode)
    {
        if (block < Superblock.FirstDataBlock || count < 0 || block >= Superblock.BlocksCount || Superblock.BlocksCount - block < count)
        {
            throw new CorruptImageException($"ext inode {inode}: block range {block}+{count} lies outside the {Superblock.BlocksCount}-block file system");
        }
    }

    /// <summary>Reads a metadata block (extent node, indirect block) through a small bounded cache.</summary>
    internal byte[] ReadMetadataBlock(long block)
    {
        lock (cacheGate)
        {
            if (metadataCache.TryGetValue(block, out var hit))
            {
                return hit;
            }
        }
        var data = new byte[Superblock.BlockSize];
        Source.ReadAt(block * Superblock.BlockSize, data);
        lock (cacheGate)
        {
            if (metadataCache.Count >= MetadataCacheBlocks)
            {
                metadataCache.Clear();
            }
            metadataCache[block] = data;
        }
        return data;
    }

    private long MaxFileSize(ExtInode inode)
    {
        long blockSize = Superblock.BlockSize;
        if ((inode.Flags & ExtFeatures.InodeFlagExtents) != 0)
        {
            return (1L << 32) * blockSize;
        }
        var perBlock = blockSize / 4;
        return Math.Min(long.MaxValue / 2, (12 + perBlock + (perBlock * perBlock) + (perBlock * perBlock * perBlock)) * blockSize);
    }

    private static void RefuseUnreadableInode(ExtInode inode)
    {
        if ((inode.Flags & ExtFeatures.InodeFlagEncrypt) != 0)
        {
            throw new UnsupportedLayoutException($"ext inode {inode.Number} is encrypted (fscrypt); file restore cannot read it");
        }
        if ((inode.Flags & ExtFeatures.InodeFlagInlineData) != 0)
        {
            throw new UnsupportedLayoutException($"ext inode {inode.Number} stores its data inline (inline_data); file restore does not read it");
        }
    }

    private uint CheckedInodeNumber(ulong nodeId) =>
        nodeId is >= 1 && nodeId <= Superblock.InodesCount
            ? (uint)nodeId
            : throw new CorruptImageException($"ext inode number {nodeId} is outside 1..{Superblock.InodesCount}");

    private ExtInode ReadInode(uint number)
    {
        if (number < 1 || number > Superblock.InodesCount)
        {
            throw new CorruptImageException($"ext directory entry points to inode {number}, outside 1..{Superblock.InodesCount}");
        }
        var group = (number - 1) / Superblock.InodesPerGroup;
        var index = (number - 1) % Superblock.InodesPerGroup;
        var table = InodeTableBlock(group);
        var raw = new byte[Superblock.InodeSize];
        Source.ReadAt((table * Superblock.BlockSize) + ((long)index * Superblock.InodeSize), raw);
        var inode = ExtInode.Parse(number, raw, Superblock.BlockSize);
        if (inode.Mode == 0)
        {
            throw new CorruptImageException($"ext inode {number} is referenced but not in use");
        }
        return inode;
    }

    private long InodeTableBlock(uint group)
    {
        lock (cacheGate)
        {
            if (inodeTables.TryGetValue(group, out var known))
            {
                return known;
            }
        }
        var table = ReadInodeTableBlock(group);
        lock (cacheGate)
        {
            if (inodeTables.Count >= MaxCachedGroups)
            {
                inodeTables.Clear();
            }
            inodeTables[group] = table;
        }
        return table;
    }

    private long ReadInodeTableBlock(uint group)
    {
        var s = Superblock;
        var perBlock = s.BlockSize / s.DescriptorSize;
        long descriptorBlockIndex = group / perBlock;
        long block;
        if ((s.Incompat & ExtFeatures.IncompatMetaBg) == 0 || descriptorBlockIndex < s.FirstMetaBg)
        {
            block = s.FirstDataBlock + 1 + descriptorBlockIndex;
        }
        else
        {
            var firstGroup = descriptorBlockIndex * perBlock;
            block = s.FirstDataBlock + (firstGroup * s.BlocksPerGroup) + (GroupHasSuperblock(firstGroup) ? 1 : 0);
        }
        CheckBlockRange(block, 1, 0);
        var descriptor = new byte[s.DescriptorSize];
        Source.ReadAt((block * s.BlockSize) + ((group % perBlock) * s.DescriptorSize), descriptor);
        var table = (long)BinaryPrimitives.ReadUInt32LittleEndian(descriptor.AsSpan(0x08));
        if (s.DescriptorSize >= 64)
        {
            table |= (long)BinaryPrimitives.ReadUInt32LittleEndian(descriptor.AsSpan(0x28)) << 32;
        }
        var tableBlocks = (((long)s.InodesPerGroup * s.InodeSize) + s.BlockSize - 1) / s.BlockSize;
        if (table < 1 || table >= s.BlocksCount || s.BlocksCount - table < tableBlocks)
        {
            throw new CorruptImageException($"ext group {group}: inode table at block {table} lies outside the file system");
        }
        return table;
    }

    private bool GroupHasSuperblock(long group)
    {
        if ((Superblock.RoCompat & ExtFeatures.RoCompatSparseSuper) == 0 || group <= 1)
        {
            return true;
        }
        foreach (var factor in new[] { 3L, 5L, 7L })
        {
            var power = factor;
            while (power < group)
            {
                power *= factor;
            }
            if (power == group)
            {
                return true;
            }
        }
        return false;
    }

    private static FileEntry ToEntry(string name, ExtInode inode) =>
        new(name, inode.Kind, inode.Kind == FileEntryKind.Other ? 0 : inode.Size, inode.ModifiedAt, inode.Mode & 0xFFF, inode.Number);
}
