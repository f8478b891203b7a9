using ImageBackup.FileRestore.FileSystems.Ntfs;
using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

[TestClass]
public sealed class NtfsCompressedFileTests
{
    [TestMethod]
    public void An_lznt1_compressed_file_reads_as_ntfscat_and_icat_decompress_it()
    {
        // Arrange
        var fixture = NtfsFixture.Get();
        using var compressed = CompressedFileBuilder.Build(fixture, "compressed.img");
        var original = File.ReadAllBytes(Path.Combine(fixture.SourceRoot, "compressible.bin"));
        using var source = new ImageFileSource(compressed.ImagePath);
        var fileSystem = NtfsFileSystem.Open(source);

        // Act
        using var stream = fileSystem.OpenRead(NtfsReadingTests.Resolve(fileSystem, "compressible.bin"));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        // Assert
        CollectionAssert.AreEqual(original, copy.ToArray(), "our reader");
        CollectionAssert.AreEqual(original, DiskTools.RunForBytes("ntfscat", compressed.ImagePath, "/compressible.bin"), "ntfscat (libntfs-3g) decompresses the patched file to this content");
        CollectionAssert.AreEqual(original, DiskTools.RunForBytes("icat", compressed.ImagePath, compressed.Record.ToString(System.Globalization.CultureInfo.InvariantCulture)), "icat agrees");
    }
}
