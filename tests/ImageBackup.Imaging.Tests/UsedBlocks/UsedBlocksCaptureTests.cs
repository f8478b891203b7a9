using ImageBackup.Imaging.FileSystems.Ext;
using ImageBackup.Imaging.Tests.FileSystems;
using ImageBackup.Imaging.Tests.FileSystems.Ext;
using ImageBackup.Imaging.Tests.Support;

namespace ImageBackup.Imaging.Tests.UsedBlocks;

[TestClass]
public sealed class UsedBlocksCaptureTests
{
    [TestMethod]
    public async Task A_used_blocks_only_capture_of_an_ext4_disk_with_stale_free_blocks_restores_to_a_clean_file_system_with_the_same_files()
    {
        using var image = ExtTestImage.Create("-t ext4 -b 4096", 64L << 20);
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var options = Pipeline.Options(image.ImagePath) with { UsedRanges = new ExtUsedRangeReader() };

        var manifest = await Pipeline.CaptureAsync(store, image.ImagePath, options);
        var restored = folder.File("restored.img");
        await Pipeline.RestoreAsync(store, manifest.GenerationId, restored);

        Assert.IsGreaterThan(16L << 20, manifest.Totals.ZeroBytes);
        Assert.AreEqual(new FileInfo(image.ImagePath).Length, new FileInfo(restored).Length);
        E2fsTools.RunSuccessfully("e2fsck", "-fn", restored);
        var dumped = folder.File("large.bin");
        E2fsTools.RunSuccessfully("debugfs", "-R", $"dump /var/large.bin {dumped}", restored);
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(image.SourceDirectory, "var", "large.bin")), File.ReadAllBytes(dumped));
    }
}
