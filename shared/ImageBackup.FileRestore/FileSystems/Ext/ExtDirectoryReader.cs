using System.Buffers.Binary;
using System.Text;

namespace ImageBackup.FileRestore.FileSystems.Ext;

/// <summary>
/// Reads a directory's entries linearly block by block (htree index blocks look like empty entries, so hashed
/// directories read the same way), validating every record length against its block.
/// </summary>
internal static class ExtDirectoryReader
{
    /// <summary>Directory blocks fetched ahead of the one being parsed.</summary>
    private const int ReadAheadBlocks = 16;

    /// <summary>(inode, name) of each live entry, without "." and "..".</summary>
    public static IEnumerable<(uint Inode, string Name)> Read(ExtFileSystem fileSystem, ExtInode directory)
    {
        var blockSize = fileSystem.Superblock.BlockSize;
        if (directory.Size % blockSize != 0)
        {
            throw new CorruptImageException($"ext directory inode {directory.Number}: size {directory.Size} is not a whole number of blocks");
        }
        if (directory.Size / blockSize > fileSystem.Superblock.BlocksCount)
        {
            throw new CorruptImageException($"ext directory inode {directory.Number}: size {directory.Size} exceeds the file system");
        }
        using var stream = new ExtFileStream(fileSystem, directory);
        var block = new byte[blockSize];
        // Directory blocks are scattered among the files created with them: keep the next ones fetching.
        for (var ahead = 0; ahead < ReadAheadBlocks; ahead++)
        {
            stream.PrefetchBlock(ahead);
        }
        for (long at = 0; at < directory.Size; at += blockSize)
        {
            stream.PrefetchBlock((at / blockSize) + ReadAheadBlocks);
            stream.Position = at;
            stream.ReadExactly(block);
            foreach (var entry in ParseBlock(directory.Number, block))
            {
                yield return entry;
            }
        }
    }

    private static List<(uint Inode, string Name)> ParseBlock(uint directory, byte[] block)
    {
        var entries = new List<(uint, string)>();
        var offset = 0;
        while (offset < block.Length)
        {
            if (block.Length - offset < 8)
            {
                throw new CorruptImageException($"ext directory inode {directory}: truncated entry at offset {offset}");
            }
            var span = block.AsSpan(offset);
            var inode = BinaryPrimitives.ReadUInt32LittleEndian(span);
            var recordLength = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
            var nameLength = span[6];
            if (recordLength < 8 || recordLength % 4 != 0 || recordLength > block.Length - offset || 8 + nameLength > recordLength)
            {
                throw new CorruptImageException($"ext directory inode {directory}: bad entry (record length {recordLength}, name length {nameLength}) at offset {offset}");
            }
            if (inode != 0)
            {
                if (nameLength == 0)
                {
                    throw new CorruptImageException($"ext directory inode {directory}: entry with an empty name at offset {offset}");
                }
                var nameBytes = span.Slice(8, nameLength);
                var isDot = nameBytes.SequenceEqual("."u8) || nameBytes.SequenceEqual(".."u8);
                if (!isDot)
                {
                    entries.Add((inode, Encoding.UTF8.GetString(nameBytes)));
                }
            }
            offset += recordLength;
        }
        return entries;
    }
}
