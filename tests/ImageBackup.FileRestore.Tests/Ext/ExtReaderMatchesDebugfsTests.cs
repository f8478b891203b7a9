using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Ext;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;

namespace ImageBackup.FileRestore.Tests.Ext;

[TestClass]
public sealed class ExtReaderMatchesDebugfsTests
{
    [TestMethod]
    public void Every_file_of_an_ext3_image_with_indirect_blocks_equals_what_debugfs_dumps()
    {
        // Arrange
        var fixture = Fixtures.Ext3;
        using var dump = new TempDirectory();
        TreeAssert.DebugfsDump(fixture.DiskPath, dump.Path);
        using var source = new FileSource(fixture.DiskPath);

        // Act
        var fileSystem = ExtFileSystem.Open(source);
        var files = TreeAssert.SameContent(fileSystem, dump.Path);

        // Assert
        Assert.AreEqual("ext3", fileSystem.Kind);
        Assert.AreEqual("legacy", fileSystem.Label);
        Assert.IsTrue(files >= 9, $"{files} files compared");
    }

    [TestMethod]
    public void Names_kinds_modes_and_mtimes_of_an_ext3_image_equal_the_source_tree()
    {
        // Arrange
        var fixture = Fixtures.Ext3;
        using var source = new FileSource(fixture.DiskPath);

        // Act
        var fileSystem = ExtFileSystem.Open(source);

        // Assert
        TreeAssert.SameContent(fileSystem, fixture.Source, compareMetadata: true);
    }

    [TestMethod]
    public void A_sparse_file_reaching_into_triple_indirect_blocks_reads_its_holes_as_zeros()
    {
        // Arrange
        using var source = new FileSource(Fixtures.Ext3.DiskPath);
        var fileSystem = ExtFileSystem.Open(source);
        var sparse = fileSystem.List(fileSystem.Root).Single(e => e.Name == "sparse.bin");
        using var stream = fileSystem.OpenRead(sparse);
        var middle = new byte[4096];
        var tail = new byte[22];

        // Act
        stream.Position = 40L << 20;
        stream.ReadExactly(middle);
        stream.Position = sparse.Size - 22;
        stream.ReadExactly(tail);

        // Assert
        Assert.AreEqual(70L << 20, sparse.Size);
        Assert.IsFalse(middle.AsSpan().ContainsAnyExcept((byte)0));
        Assert.AreEqual("tail of a sparse file\n", System.Text.Encoding.ASCII.GetString(tail));
        Assert.AreEqual(70L << 20, ((IHoleAwareStream)stream).NextDataOffset(70L << 20));
    }

    [TestMethod]
    public void A_hash_indexed_directory_of_ten_thousand_entries_lists_every_entry_once()
    {
        // Arrange
        var fixture = Fixtures.Htree;
        var debugfs = Tools.RunSuccessfully("debugfs", "-R", "stat /many", fixture.DiskPath);
        using var source = new FileSource(fixture.DiskPath);
        var fileSystem = ExtFileSystem.Open(source);
        var many = fileSystem.List(fileSystem.Root).Single(e => e.Name == "many");

        // Act
        var names = fileSystem.List(many).Select(e => e.Name).ToList();

        // Assert
        StringAssert.Contains(debugfs, "Flags: 0x81000", "the fixture directory is hash-indexed (EXT4_INDEX_FL)");
        Assert.AreEqual(10_000, names.Count);
        Assert.AreEqual(10_000, names.Distinct().Count());
        CollectionAssert.AreEquivalent(Directory.EnumerateFiles(Path.Combine(fixture.Source, "many")).Select(Path.GetFileName).ToList(), names);
    }

    [TestMethod]
    public void Every_file_of_an_ext4_image_with_metadata_csum_and_64bit_equals_what_debugfs_dumps()
    {
        // Arrange
        var fixture = Fixtures.Htree;
        using var dump = new TempDirectory();
        TreeAssert.DebugfsDump(fixture.DiskPath, dump.Path);
        using var source = new FileSource(fixture.DiskPath);

        // Act
        var fileSystem = ExtFileSystem.Open(source);
        var files = TreeAssert.SameContent(fileSystem, dump.Path);

        // Assert
        Assert.AreEqual("ext4", fileSystem.Kind);
        Assert.IsTrue(files > 10_000);
        Assert.AreEqual(0, fileSystem.Warnings.Count);
    }
}
