using System.Buffers.Binary;
using ImageBackup.Imaging.FileSystems.Ext;

namespace ImageBackup.Imaging.Tests.FileSystems.Ext;

[TestClass]
public sealed class ExtUsedRangeReaderRefusalTests
{
    private const int SuperblockStart = 1024;

    [TestMethod]
    public void A_source_without_the_ext_magic_is_refused_as_not_ext()
    {
        var bytes = new byte[1 << 20];
        new Random(7).NextBytes(bytes);
        using var source = new MemoryStream(bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "Not an ext2/3/4 file system");
    }

    [TestMethod]
    public void A_truncated_image_is_refused_before_anything_is_allocated_for_it()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096 -g 1024");
        var bytes = File.ReadAllBytes(image.ImagePath).AsSpan(0, 8 << 20).ToArray();
        using var source = new MemoryStream(bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "claims");
    }

    [TestMethod]
    public void A_hostile_block_count_is_checked_against_the_device_size()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096 -g 1024");
        var bytes = File.ReadAllBytes(image.ImagePath);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SuperblockStart + 0x04), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SuperblockStart + 0x150), 0x00FF_FFFF);
        using var source = new MemoryStream(bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "claims");
    }

    [TestMethod]
    public void A_zero_blocks_per_group_count_is_refused_as_corrupt()
    {
        using var image = ExtTestImage.Create("-t ext2 -b 4096 -g 2048");
        var bytes = File.ReadAllBytes(image.ImagePath);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SuperblockStart + 0x20), 0);
        using var source = new MemoryStream(bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "blocks per group");
    }

    [TestMethod]
    public void A_block_bitmap_pointing_past_the_end_is_refused_as_corrupt()
    {
        using var image = ExtTestImage.Create("-t ext2 -b 4096 -g 2048");
        var bytes = File.ReadAllBytes(image.ImagePath);
        const int firstDescriptor = 4096;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(firstDescriptor), 0xFFFF_FF00);
        using var source = new MemoryStream(bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "block bitmap");
    }

    [TestMethod]
    public void A_file_system_that_needs_journal_recovery_is_refused_because_its_bitmaps_may_be_stale()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096");
        var bytes = File.ReadAllBytes(image.ImagePath);
        var incompat = bytes.AsSpan(SuperblockStart + 0x60);
        BinaryPrimitives.WriteUInt32LittleEndian(incompat, BinaryPrimitives.ReadUInt32LittleEndian(incompat) | 0x4);
        using var source = new MemoryStream(bytes);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "journal recovery");
    }

    [TestMethod]
    public void A_bigalloc_file_system_is_refused_clearly()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096 -O bigalloc -C 16384");
        using var source = File.OpenRead(image.ImagePath);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => new ExtUsedRangeReader().GetUsedRanges(source));

        StringAssert.Contains(error.Message, "bigalloc");
    }
}
