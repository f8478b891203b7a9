using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.FileSystems.Ext;

namespace ImageBackup.Imaging.Tests.FileSystems.Ext;

[TestClass]
public sealed class ExtUsedRangeReaderOffsetTests
{
    private const int PartitionStart = 1 << 20;
    private const int TrailingBytes = 3 << 20;

    [TestMethod]
    public void A_file_system_at_an_offset_reports_its_ranges_shifted_and_keeps_the_bytes_around_it()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096 -g 1024");
        var fileSystem = File.ReadAllBytes(image.ImagePath);
        var disk = new byte[PartitionStart + fileSystem.Length + TrailingBytes];
        fileSystem.CopyTo(disk, PartitionStart);
        var expected = DumpE2fsOracle.UsedRanges(image.ImagePath)
            .Select(range => range with { Offset = range.Offset + PartitionStart })
            .ToList();
        expected[0] = new ByteRange(0, expected[0].End);
        expected.Add(new ByteRange(PartitionStart + fileSystem.Length, TrailingBytes));
        using var source = new MemoryStream(disk);

        var actual = new ExtUsedRangeReader(PartitionStart).GetUsedRanges(source);

        CollectionAssert.AreEqual(expected, actual.ToList());
    }
}
