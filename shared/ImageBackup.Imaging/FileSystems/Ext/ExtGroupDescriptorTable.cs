using System.Buffers.Binary;

namespace ImageBackup.Imaging.FileSystems.Ext;

/// <summary>Reads block group descriptors one descriptor block at a time, so memory stays at one block whatever the group count.</summary>
internal sealed class ExtGroupDescriptorTable
{
    private readonly Stream _device;
    private readonly long _fileSystemOffset;
    private readonly ExtSuperblock _superblock;
    private readonly ExtGroupLayout _layout;
    private readonly byte[] _block;
    private long _cachedIndex = -1;

    public ExtGroupDescriptorTable(Stream device, long fileSystemOffset, ExtSuperblock superblock, ExtGroupLayout layout)
    {
        _device = device;
        _fileSystemOffset = fileSystemOffset;
        _superblock = superblock;
        _layout = layout;
        _block = new byte[superblock.BlockSize];
    }

    /// <summary>Reads and validates the descriptor of <paramref name="group"/>.</summary>
    public ExtGroupDescriptor Read(uint group)
    {
        var index = group / _superblock.DescriptorsPerBlock;
        if (index != _cachedIndex)
        {
            var block = _layout.DescriptorBlock(index);
            if (block >= _superblock.BlocksCount)
            {
                throw new InvalidDataException($"Corrupt ext file system: group descriptor block {index} would sit at block {block}, past its end.");
            }

            DeviceReading.ReadExactlyAt(
                _device, _fileSystemOffset + (long)block * _superblock.BlockSize, _block, $"group descriptor block {index}");
            _cachedIndex = index;
        }

        var raw = _block.AsSpan((int)(group % _superblock.DescriptorsPerBlock) * _superblock.DescriptorSize, _superblock.DescriptorSize);
        var descriptor = Parse(raw);
        Validate(group, descriptor);
        return descriptor;
    }

    private ExtGroupDescriptor Parse(ReadOnlySpan<byte> raw)
    {
        ulong blockBitmap = BinaryPrimitives.ReadUInt32LittleEndian(raw);
        ulong inodeBitmap = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x04..]);
        ulong inodeTable = BinaryPrimitives.ReadUInt32LittleEndian(raw[0x08..]);
        var flags = (ExtGroupFlags)BinaryPrimitives.ReadUInt16LittleEndian(raw[0x12..]);
        if (_superblock.Is64Bit)
        {
            blockBitmap |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x20..]) << 32;
            inodeBitmap |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x24..]) << 32;
            inodeTable |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x28..]) << 32;
        }

        return new ExtGroupDescriptor(blockBitmap, inodeBitmap, inodeTable, flags);
    }

    private void Validate(uint group, ExtGroupDescriptor descriptor)
    {
        var blocks = _superblock.BlocksCount;
        var uninitialized = _superblock.HasGroupDescriptorChecksums && descriptor.BlockBitmapUninitialized;
        if (!uninitialized && (descriptor.BlockBitmap < _superblock.FirstDataBlock || descriptor.BlockBitmap >= blocks))
        {
            throw new InvalidDataException($"Corrupt ext group {group}: block bitmap at block {descriptor.BlockBitmap}, outside 1..{blocks - 1}.");
        }

        if (descriptor.BlockBitmap >= blocks || descriptor.InodeBitmap >= blocks)
        {
            throw new InvalidDataException($"Corrupt ext group {group}: a bitmap lies past the {blocks} blocks of the file system.");
        }

        if (descriptor.InodeTable > blocks - _superblock.InodeTableBlocksPerGroup)
        {
            throw new InvalidDataException($"Corrupt ext group {group}: the inode table at block {descriptor.InodeTable} runs past the end.");
        }
    }
}
