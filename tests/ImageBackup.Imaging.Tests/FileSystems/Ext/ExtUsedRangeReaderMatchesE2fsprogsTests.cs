using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.FileSystems.Ext;

namespace ImageBackup.Imaging.Tests.FileSystems.Ext;

[TestClass]
public sealed class ExtUsedRangeReaderMatchesE2fsprogsTests
{
    [TestMethod]
    [DataRow("-t ext4 -b 4096", 64)]
    [DataRow("-t ext4 -b 4096 -g 1024", 64)]
    [DataRow("-t ext4 -b 4096 -O ^metadata_csum,^64bit,uninit_bg -g 2048", 64)]
    [DataRow("-t ext4 -b 4096 -O ^flex_bg -g 2048", 64)]
    [DataRow("-t ext4 -b 4096 -g 256 -O meta_bg,^resize_inode", 80)]
    [DataRow("-t ext4 -b 4096 -O sparse_super2 -g 2048", 64)]
    [DataRow("-t ext4 -b 2048 -g 1024", 64)]
    [DataRow("-t ext4 -b 1024", 64)]
    [DataRow("-t ext4 -b 1024 -O ^flex_bg", 64)]
    [DataRow("-t ext4 -b 1024 -g 256 -O meta_bg,^resize_inode", 64)]
    [DataRow("-t ext3 -b 4096 -g 2048", 64)]
    [DataRow("-t ext3 -b 1024", 64)]
    [DataRow("-t ext2 -b 4096 -g 2048", 64)]
    [DataRow("-t ext2 -b 1024 -O ^sparse_super,^resize_inode", 64)]
    public void Used_ranges_are_exactly_the_blocks_e2fsprogs_reports_as_not_free(string mke2fsOptions, int imageMebibytes)
    {
        using var image = ExtTestImage.Create(mke2fsOptions, (long)imageMebibytes << 20);
        var expected = DumpE2fsOracle.UsedRanges(image.ImagePath);

        IReadOnlyList<ByteRange> actual;
        using (var source = File.OpenRead(image.ImagePath))
        {
            actual = new ExtUsedRangeReader().GetUsedRanges(source);
        }

        CollectionAssert.AreEqual(expected.ToArray(), actual.ToArray(), Describe(expected, actual));
    }

    [TestMethod]
    public void Unallocated_blocks_of_an_ext4_image_are_not_reported_as_used()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096", 128L << 20);
        var imageBytes = new FileInfo(image.ImagePath).Length;

        IReadOnlyList<ByteRange> used;
        using (var source = File.OpenRead(image.ImagePath))
        {
            used = new ExtUsedRangeReader().GetUsedRanges(source);
        }

        var usedBytes = used.Sum(range => range.Length);
        Assert.IsLessThan(imageBytes / 2, usedBytes, $"{usedBytes} of {imageBytes} bytes reported used for about 40 MB of files.");
        Assert.IsGreaterThan(30L << 20, usedBytes, "The files alone take more than 30 MiB.");
    }

    private static string Describe(IReadOnlyList<ByteRange> expected, IReadOnlyList<ByteRange> actual)
    {
        var firstDifference = Enumerable.Range(0, Math.Min(expected.Count, actual.Count))
            .FirstOrDefault(index => expected[index] != actual[index], Math.Min(expected.Count, actual.Count));
        return $"{expected.Count} ranges expected, {actual.Count} read; first difference at #{firstDifference}: "
            + $"expected {(firstDifference < expected.Count ? expected[firstDifference] : "none")}, "
            + $"read {(firstDifference < actual.Count ? actual[firstDifference] : "none")}.";
    }
}
