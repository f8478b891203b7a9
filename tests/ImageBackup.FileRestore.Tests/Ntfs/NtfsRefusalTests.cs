using System.Buffers.Binary;
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.FileSystems.Ntfs;
using ImageBackup.FileRestore.Tests.Xfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

[TestClass]
public sealed class NtfsRefusalTests
{
    [TestMethod]
    public void An_efs_encrypted_file_is_refused_by_name_when_opened()
    {
        // Arrange: set FILE_ATTRIBUTE_ENCRYPTED in hello.txt's $STANDARD_INFORMATION.
        using var copy = NtfsFixture.Get().CopyImage("efs.img");
        var image = copy.Path;
        NtfsImagePatch.Edit(image, NtfsImagePatch.RecordOf(image, "/hello.txt"), record =>
        {
            var value = NtfsImagePatch.ValueOffset(record, NtfsImagePatch.FindAttribute(record, 0x10));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(value + 0x20), BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(value + 0x20)) | 0x4000);
        });
        using var source = new ImageFileSource(image);
        var fileSystem = NtfsFileSystem.Open(source);
        var file = NtfsReadingTests.Resolve(fileSystem, "hello.txt");

        // Act
        var refusal = Assert.ThrowsExactly<UnsupportedLayoutException>(() => fileSystem.OpenRead(file));

        // Assert
        StringAssert.Contains(refusal.Message, "'hello.txt'");
        StringAssert.Contains(refusal.Message, "EFS-encrypted");
    }

    [TestMethod]
    [DataRow(0x80000017u, "WOF-compressed")]
    [DataRow(0x80000013u, "deduplicated")]
    public void A_file_whose_content_lives_behind_a_reparse_point_is_refused_by_name(uint tag, string reason)
    {
        // Arrange: turn fast-link's reparse point into a WOF or deduplication one.
        using var copy = NtfsFixture.Get().CopyImage($"reparse-{tag:x8}.img");
        var image = copy.Path;
        NtfsImagePatch.Edit(image, NtfsImagePatch.RecordOf(image, "/fast-link"), record =>
        {
            var value = NtfsImagePatch.ValueOffset(record, NtfsImagePatch.FindAttribute(record, 0xC0));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(value), tag);
        });
        using var source = new ImageFileSource(image);
        var fileSystem = NtfsFileSystem.Open(source);
        var file = NtfsReadingTests.Resolve(fileSystem, "fast-link");

        // Act
        var refusal = Assert.ThrowsExactly<UnsupportedLayoutException>(() => fileSystem.OpenRead(file));

        // Assert
        Assert.AreEqual(FileEntryKind.File, file.Kind);
        StringAssert.Contains(refusal.Message, "'fast-link'");
        StringAssert.Contains(refusal.Message, reason);
    }

    [TestMethod]
    public void A_volume_marked_dirty_is_reported_as_a_warning()
    {
        // Arrange: set VOLUME_IS_DIRTY in $Volume's $VOLUME_INFORMATION (record 3).
        using var copy = NtfsFixture.Get().CopyImage("dirty.img");
        var image = copy.Path;
        NtfsImagePatch.Edit(image, 3, record =>
        {
            var value = NtfsImagePatch.ValueOffset(record, NtfsImagePatch.FindAttribute(record, 0x70));
            record[value + 10] |= 0x01;
        });
        using var source = new ImageFileSource(image);

        // Act
        var fileSystem = NtfsFileSystem.Open(source);

        // Assert
        Assert.IsTrue(fileSystem.Warnings.Any(w => w.Contains("dirty", StringComparison.Ordinal)), string.Join("; ", fileSystem.Warnings));
    }

    [TestMethod]
    public void An_index_block_whose_sub_node_points_back_at_itself_ends_in_corrupt_instead_of_looping()
    {
        // Arrange: /nodedir's root points at one INDX node; make that node's last sub-node pointer its own VCN.
        using var copy = NtfsFixture.Get().CopyImage("index-cycle.img");
        var image = copy.Path;
        var record = NtfsImagePatch.RecordOf(image, "/nodedir");
        long vcn = -1;
        NtfsImagePatch.Edit(image, record, bytes =>
        {
            var root = NtfsImagePatch.ValueOffset(bytes, NtfsImagePatch.FindAttribute(bytes, 0x90));
            vcn = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(NtfsImagePatch.SubNodePointers(bytes, root + 16)[0]));
        });
        var clusterSize = NtfsImagePatch.ClusterSize(image);
        var clusters = NtfsImagePatch.Clusters(image, record, "$INDEX_ALLOCATION");
        NtfsImagePatch.EditAt(image, clusters[(int)vcn] * clusterSize, clusterSize, "INDX", block =>
        {
            var pointers = NtfsImagePatch.SubNodePointers(block, 0x18);
            Assert.IsTrue(pointers.Count > 0, "the node under the root has children (a three-level index)");
            BinaryPrimitives.WriteInt64LittleEndian(block.AsSpan(pointers[^1]), vcn);
        });
        using var source = new ImageFileSource(image);
        var fileSystem = NtfsFileSystem.Open(source);
        var directory = NtfsReadingTests.Resolve(fileSystem, "nodedir");

        // Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => fileSystem.List(directory).Count());

        // Assert
        StringAssert.Contains(error.Message, "visited twice");
    }

    [TestMethod]
    public void A_torn_mft_record_is_corrupt_not_misread()
    {
        // Arrange: change the last bytes of hello.txt's first sector without updating the update sequence array.
        using var copy = NtfsFixture.Get().CopyImage("torn.img");
        var image = copy.Path;
        var offset = NtfsImagePatch.RecordOffset(image, NtfsImagePatch.RecordOf(image, "/hello.txt"));
        using (var file = new FileStream(image, FileMode.Open, FileAccess.Write))
        {
            file.Position = offset + 510;
            file.Write([0x12, 0x34]);
        }

        using var source = new ImageFileSource(image);
        var fileSystem = NtfsFileSystem.Open(source);

        // Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => fileSystem.List(fileSystem.Root).ToList());

        // Assert
        StringAssert.Contains(error.Message, "update sequence");
    }
}
