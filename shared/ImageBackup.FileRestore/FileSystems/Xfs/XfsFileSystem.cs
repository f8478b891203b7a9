using System.Text;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Xfs;

/// <summary>
/// Read-only XFS (v4 and v5) straight from the volume bytes, so files are restored from a generation without mounting
/// it: inodes found from their numbers, data forks in local, extent and B+tree formats, every directory format.
/// </summary>
public sealed class XfsFileSystem : IReadOnlyFileSystem
{
    private const int MaxSymlinkLength = 1024;
    private const uint SymlinkMagic = 0x58534c4d; // "XSLM"

    private readonly XfsVolume volume;

    private XfsFileSystem(XfsVolume volume, FileEntry root, IReadOnlyList<string> warnings)
    {
        this.volume = volume;
        Root = root;
        Warnings = warnings;
    }

    public string Kind => "xfs";

    public string? Label => volume.Superblock.Label;

    public IReadOnlyList<string> Warnings { get; }

    public FileEntry Root { get; }

    /// <summary>Opens the XFS file system on <paramref name="volume"/>; refuses realtime devices and unknown incompatible features.</summary>
    public static IReadOnlyFileSystem Open(IRandomAccessSource volume)
    {
        var superblock = XfsSuperblock.Read(volume);
        var xfs = new XfsVolume(volume, superblock);
        var root = XfsInode.Read(xfs, superblock.RootInode);
        if (root.Kind != FileEntryKind.Directory)
        {
            throw new CorruptImageException($"XFS: root inode {superblock.RootInode} is not a directory.");
        }

        var warnings = new List<string>();
        if (superblock.InProgress)
        {
            warnings.Add("XFS: the superblock says mkfs did not finish (sb_inprogress).");
        }

        if (superblock.NeedsRepair)
        {
            warnings.Add("XFS: the file system is marked as needing xfs_repair.");
        }

        if (superblock.LogIncompat != 0)
        {
            warnings.Add($"XFS: log incompatible features are set (0x{superblock.LogIncompat:x}), so the log holds unreplayed changes.");
        }

        if (XfsLogCheck.Check(xfs) is { } logWarning)
        {
            warnings.Add(logWarning);
        }

        return new XfsFileSystem(xfs, ToEntry(string.Empty, root), warnings);
    }

    public IEnumerable<FileEntry> List(FileEntry directory)
    {
        var inode = XfsInode.Read(volume, directory.NodeId);
        if (inode.Kind != FileEntryKind.Directory)
        {
            throw new CorruptImageException($"XFS: inode {directory.NodeId} is not a directory.");
        }

        return PrefetchWindow.Read(Entries(inode), volume.Source, InodeOffset, volume.Superblock.InodeSize,
            item => ToEntry(item.Name, XfsInode.Read(volume, item.Number)));
    }

    private IEnumerable<(string Name, ulong Number)> Entries(XfsInode directory)
    {
        foreach (var (name, number) in XfsDirectoryReader.Read(volume, directory))
        {
            if (number == directory.Number)
            {
                throw new CorruptImageException($"XFS: directory inode {number} lists itself as '{name}'.");
            }

            yield return (name, number);
        }
    }

    private long? InodeOffset((string Name, ulong Number) item)
    {
        try
        {
            return volume.Superblock.InodeOffset(item.Number);
        }
        catch (CorruptImageException)
        {
            return null; // reported when the inode is read
        }
    }

    public Stream OpenRead(FileEntry file)
    {
        var inode = XfsInode.Read(volume, file.NodeId);
        if (inode.Kind != FileEntryKind.File)
        {
            throw new CorruptImageException($"XFS: inode {file.NodeId} is not a regular file.");
        }

        return new XfsForkStream(volume, MapOf(inode), inode.Size);
    }

    public string ReadLinkTarget(FileEntry link)
    {
        var inode = XfsInode.Read(volume, link.NodeId);
        if (inode.Kind != FileEntryKind.Symlink)
        {
            throw new CorruptImageException($"XFS: inode {link.NodeId} is not a symbolic link.");
        }

        if (inode.Size is <= 0 or > MaxSymlinkLength)
        {
            throw new CorruptImageException($"XFS: symbolic link inode {link.NodeId} has length {inode.Size}.");
        }

        var length = (int)inode.Size;
        if (inode.Format == XfsInode.FormatLocal)
        {
            if (length > inode.DataFork.Length)
            {
                throw new CorruptImageException($"XFS: inline symbolic link inode {link.NodeId} is longer than its fork.");
            }

            return Encoding.UTF8.GetString(inode.DataFork, 0, length);
        }

        // Remote symlinks: one or more blocks, each with a 56-byte XSLM header on v5.
        var stream = new XfsForkStream(volume, MapOf(inode), long.MaxValue / 4);
        var sb = volume.Superblock;
        var target = new List<byte>(length);
        var block = new byte[sb.BlockSize];
        for (long logical = 0; target.Count < length; logical++)
        {
            stream.ReadLogical(logical << sb.BlockLog, block);
            var payload = block.AsSpan();
            if (sb.HasCrc)
            {
                if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload) != SymlinkMagic)
                {
                    throw new CorruptImageException($"XFS: symbolic link inode {link.NodeId} block {logical} has no XSLM header.");
                }

                payload = payload[56..];
            }

            var take = Math.Min(payload.Length, length - target.Count);
            target.AddRange(payload[..take]);
        }

        return Encoding.UTF8.GetString(target.ToArray());
    }

    private IXfsExtentMap MapOf(XfsInode inode)
    {
        if (inode.Realtime)
        {
            throw new UnsupportedLayoutException($"XFS: inode {inode.Number} keeps its data on the realtime device, which is not supported.");
        }

        return inode.Format switch
        {
            XfsInode.FormatExtents => XfsExtentList.FromInode(inode, volume.Superblock),
            XfsInode.FormatBtree => XfsBmbtReader.FromInode(volume, inode),
            XfsInode.FormatLocal when inode.Size <= inode.DataFork.Length => new XfsExtentList([]),
            _ => throw new CorruptImageException($"XFS: inode {inode.Number} has data fork format {inode.Format}."),
        };
    }

    private static FileEntry ToEntry(string name, XfsInode inode) =>
        new(name, inode.Kind, inode.Kind == FileEntryKind.Directory ? 0 : inode.Size, inode.ModifiedAt, inode.Mode & 0xFFF, inode.Number);
}
