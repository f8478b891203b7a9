using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.FileSystems.Ext;

namespace ImageBackup.Imaging.Tests.FileSystems.Ext;

[TestClass]
public sealed class ZeroingUnusedRangesTests
{
    [TestMethod]
    [DataRow("-t ext4 -b 4096 -g 1024")]
    [DataRow("-t ext4 -b 1024 -g 256 -O meta_bg,^resize_inode")]
    [DataRow("-t ext4 -b 4096 -O ^metadata_csum,^64bit,uninit_bg -g 2048")]
    [DataRow("-t ext3 -b 1024")]
    public void Zeroing_every_unused_range_keeps_the_file_system_clean_and_the_files_intact(string mke2fsOptions)
    {
        using var image = ExtTestImage.Create(mke2fsOptions);
        var zeroedPath = Path.Combine(image.WorkDirectory, "zeroed.img");
        File.Copy(image.ImagePath, zeroedPath);
        IReadOnlyList<ByteRange> used;
        using (var source = File.OpenRead(image.ImagePath))
        {
            used = new ExtUsedRangeReader().GetUsedRanges(source);
        }

        var zeroedBytes = ZeroEverythingBut(used, zeroedPath);

        Assert.IsGreaterThan(0L, zeroedBytes, "Nothing was unused, so the test proves nothing.");
        var check = E2fsTools.Run("e2fsck", "-fn", zeroedPath);
        Assert.AreEqual(0, check.ExitCode, $"e2fsck -fn found problems after zeroing {zeroedBytes} unused bytes:\n{check.StandardOutput}{check.StandardError}");
        foreach (var file in image.Files)
        {
            var dumped = Path.Combine(image.WorkDirectory, "dumped.bin");
            File.Delete(dumped);
            E2fsTools.RunSuccessfully("debugfs", "-R", $"dump /{file} {dumped}", zeroedPath);
            Assert.IsTrue(File.Exists(dumped), $"debugfs could not dump /{file} from the zeroed image.");
            CollectionAssert.AreEqual(
                File.ReadAllBytes(Path.Combine(image.SourceDirectory, file)), File.ReadAllBytes(dumped), $"/{file} changed.");
        }
    }

    private static long ZeroEverythingBut(IReadOnlyList<ByteRange> used, string path)
    {
        using var image = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var zeros = new byte[1 << 20];
        var zeroed = 0L;
        var position = 0L;
        foreach (var range in used.Append(new ByteRange(image.Length, 0)))
        {
            image.Position = position;
            for (var remaining = range.Offset - position; remaining > 0; remaining -= zeros.Length)
            {
                var count = (int)Math.Min(zeros.Length, remaining);
                image.Write(zeros, 0, count);
                zeroed += count;
            }

            position = range.End;
        }

        return zeroed;
    }
}
